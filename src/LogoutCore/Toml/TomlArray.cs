using System.Collections;

namespace LogoutModule.Core.Toml;

/// <summary>An array value, or an array of tables built by <c>[[header]]</c> sections.</summary>
public sealed class TomlArray : TomlValue, IReadOnlyList<TomlValue>
{
    private readonly List<TomlValue> items = [];

    internal TomlArray(bool isArrayOfTables) => IsArrayOfTables = isArrayOfTables;

    public override TomlValueKind Kind => TomlValueKind.Array;

    /// <summary>True when built by <c>[[header]]</c> sections, which may append to it; a literal <c>[...]</c> is closed.</summary>
    internal bool IsArrayOfTables { get; }

    public int Count => items.Count;
    public TomlValue this[int index] => items[index];

    internal void Add(TomlValue item) => items.Add(item);

    public IEnumerator<TomlValue> GetEnumerator() => items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
