namespace LogoutModule.Core.Toml;

/// <summary>A key-value of the root table as written in the source.</summary>
public sealed class TomlKeyValue
{
    internal TomlKeyValue(string key, TomlValue value, int line, int column, int spanStart, int spanEnd)
    {
        Key = key;
        Value = value;
        Line = line;
        Column = column;
        SpanStart = spanStart;
        SpanEnd = spanEnd;
    }

    public string Key { get; }
    public TomlValue Value { get; }

    /// <summary>1-based line of the value.</summary>
    public int Line { get; }

    /// <summary>1-based column of the value.</summary>
    public int Column { get; }

    /// <summary>Start of the key's line (after a BOM).</summary>
    internal int SpanStart { get; }

    /// <summary>End of the value's last line, after its line ending if it has one.</summary>
    internal int SpanEnd { get; }
}
