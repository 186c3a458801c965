namespace LogoutModule.Core.Toml;

/// <summary>The text is not valid TOML 1.0. <see cref="Line"/> and <see cref="Column"/> are 1-based.</summary>
public sealed class TomlParseException : Exception
{
    internal TomlParseException(string reason, int line, int column)
        : base($"{reason} at line {line}, column {column}")
    {
        Reason = reason;
        Line = line;
        Column = column;
    }

    /// <summary>The message without the position.</summary>
    public string Reason { get; }
    public int Line { get; }
    public int Column { get; }
}
