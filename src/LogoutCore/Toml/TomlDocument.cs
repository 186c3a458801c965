using System.Text;

namespace LogoutModule.Core.Toml;

/// <summary>
/// A parsed TOML 1.0 document that remembers its exact source text, so a top-level key-value can be removed
/// without touching any other byte (comments, blank lines, quoting, line endings, BOM, final newline).
/// </summary>
public sealed class TomlDocument
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IReadOnlyList<TomlKeyValue> topLevel;

    private TomlDocument(string text, TomlTable root, IReadOnlyList<TomlKeyValue> topLevel)
    {
        Text = text;
        Root = root;
        this.topLevel = topLevel;
    }

    /// <summary>The exact source text, including a leading BOM (U+FEFF) when there is one.</summary>
    public string Text { get; }

    public TomlTable Root { get; }

    /// <summary>Parses TOML 1.0 text; a leading U+FEFF is a BOM. Throws <see cref="TomlParseException"/> on any invalid input.</summary>
    public static TomlDocument Parse(string text)
    {
        var (root, topLevel) = TomlParser.Parse(text, new TextPositions(text));
        return new TomlDocument(text, root, topLevel);
    }

    /// <summary>
    /// Parses a file's bytes, which must be UTF-8 (TOML requires it); a UTF-8 BOM is kept in <see cref="Text"/>, so
    /// writing <c>new UTF8Encoding(false).GetBytes(text)</c> back gives the same bytes.
    /// </summary>
    public static TomlDocument Parse(byte[] utf8)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            var valid = new UTF8Encoding(false, false).GetString(utf8, 0, Math.Max(0, Math.Min(e.Index, utf8.Length)));
            var (line, column) = new TextPositions(valid).Locate(valid.Length);
            throw new TomlParseException("invalid UTF-8", line, column);
        }
        return Parse(text);
    }

    /// <summary>
    /// The key-value <paramref name="key"/> of the root table: written before any [table] header and not dotted
    /// (bare, "quoted" and 'literal' spellings of the name are the same key); null when there is none.
    /// </summary>
    public TomlKeyValue? FindTopLevel(string key) => topLevel.FirstOrDefault(kv => kv.Key == key);

    /// <summary>
    /// The text with the top-level key-value <paramref name="key"/> removed: its whole line(s), from the start of the
    /// key's line through the line ending after the value (a trailing comment included). Null when the key is absent.
    /// </summary>
    public string? RemoveTopLevelKey(string key)
    {
        var keyValue = FindTopLevel(key);
        if (keyValue is null) return null;
        var start = keyValue.SpanStart;
        var end = keyValue.SpanEnd;
        var bodyStart = Text.Length > 0 && Text[0] == '\uFEFF' ? 1 : 0;
        if (end == Text.Length && (end == start || Text[end - 1] != '\n') && start > bodyStart)
        {
            // The last line has no line ending: drop the one before it instead, so the file still ends without one.
            start -= start >= 2 && Text[start - 2] == '\r' ? 2 : 1;
        }
        return Text.Remove(start, end - start);
    }
}
