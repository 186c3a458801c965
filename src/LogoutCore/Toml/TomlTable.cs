using System.Collections;

namespace LogoutModule.Core.Toml;

/// <summary>How a table came to exist; TOML's rules on redefining and extending tables depend on it.</summary>
internal enum TomlTableOrigin
{
    /// <summary>Created as a parent by a header such as <c>[a.b]</c> for <c>a</c>; may still be defined once by its own header.</summary>
    Implicit,
    /// <summary>Defined by its own <c>[header]</c> (or the root).</summary>
    Header,
    /// <summary>Created by a dotted key such as <c>a.b = 1</c>; dotted keys may extend it, headers may not define it.</summary>
    Dotted,
    /// <summary>An inline table <c>{...}</c>: closed to any later addition.</summary>
    Inline,
}

/// <summary>A table: keys in source order mapped to values.</summary>
public sealed class TomlTable : TomlValue, IReadOnlyCollection<KeyValuePair<string, TomlValue>>
{
    private readonly Dictionary<string, TomlValue> values = new(StringComparer.Ordinal);
    private readonly List<string> keys = [];

    internal TomlTable(TomlTableOrigin origin) => Origin = origin;

    public override TomlValueKind Kind => TomlValueKind.Table;

    internal TomlTableOrigin Origin { get; set; }

    public int Count => keys.Count;
    public IReadOnlyList<string> Keys => keys;
    public TomlValue this[string key] => values[key];

    public bool TryGetValue(string key, out TomlValue value) => values.TryGetValue(key, out value!);

    internal void Add(string key, TomlValue value)
    {
        values.Add(key, value);
        keys.Add(key);
    }

    public IEnumerator<KeyValuePair<string, TomlValue>> GetEnumerator()
    {
        foreach (var key in keys) yield return new KeyValuePair<string, TomlValue>(key, values[key]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
