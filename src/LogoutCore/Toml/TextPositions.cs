namespace LogoutModule.Core.Toml;

/// <summary>
/// Turns offsets in a text into 1-based line and column. Columns count Unicode characters, not UTF-16 units, and a
/// leading BOM is not a column.
/// </summary>
internal sealed class TextPositions
{
    private readonly string text;
    private readonly List<int> lineStarts = [0];

    public TextPositions(string text)
    {
        this.text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') lineStarts.Add(i + 1);
        }
    }

    public (int Line, int Column) Locate(int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        if (index < 0) index = ~index - 1;
        var column = 1;
        for (var i = lineStarts[index]; i < offset && i < text.Length; i++)
        {
            if (!char.IsLowSurrogate(text[i]) && !(i == 0 && text[i] == '\uFEFF')) column++;
        }
        return (index + 1, column);
    }

    public TomlParseException Error(int offset, string reason)
    {
        var (line, column) = Locate(offset);
        return new TomlParseException(reason, line, column);
    }
}
