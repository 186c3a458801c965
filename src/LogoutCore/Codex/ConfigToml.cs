using System.Text;
using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace LogoutModule.Core.Codex;

/// <summary>
/// One config.toml layer as codex 0.169.0 reads it (codex-rs config's ConfigToml): strict UTF-8, an optional BOM,
/// TOML 1.1 through Tomlyn's validating syntax parser. Keeps the exact text, so a top-level key can be cut out with
/// every other byte left as it was. Errors carry codex's "path:line:column: detail" form.
/// </summary>
public sealed class ConfigToml
{
    private const char Bom = '\uFEFF';

    // codex's toml parser refuses the 81st level of nested arrays/inline tables ("cannot recurse further"); Tomlyn's
    // MaxDepth counts the same levels plus one, and its default (64) would refuse configs codex loads.
    private static readonly TomlSerializerOptions Options = new() { MaxDepth = 81 };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly DocumentSyntax document;

    private ConfigToml(string path, bool hasBom, string text, DocumentSyntax document)
    {
        Path = path;
        HasBom = hasBom;
        Text = text;
        this.document = document;
    }

    /// <summary>The file the text came from; it names the file in errors.</summary>
    public string Path { get; }

    /// <summary>Whether the file starts with a UTF-8 BOM (kept on write, not part of <see cref="Text"/>).</summary>
    public bool HasBom { get; }

    /// <summary>The file's text after the BOM, exactly as read.</summary>
    public string Text { get; }

    /// <summary>
    /// Reads and parses <paramref name="path"/>. Throws <see cref="LogoutModule.Core.Shared.LogoutException"/>
    /// CodexConfigInvalid (InvalidArgument) with codex's "Error loading configuration: …" wording when the bytes are
    /// not UTF-8 or not TOML 1.1, and CodexConfigUnreadable (ReadError) naming the file when it cannot be read.
    /// </summary>
    public static ConfigToml Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw CodexErrors.ConfigUnreadable(path, e);
        }
        return Parse(bytes, path);
    }

    /// <summary>Parses a file's bytes; <paramref name="path"/> only names it in errors. Throws as <see cref="Read"/>.</summary>
    public static ConfigToml Parse(byte[] utf8, string path)
    {
        var text = DecodeUtf8(utf8, path);
        var hasBom = text.Length > 0 && text[0] == Bom;
        if (hasBom) text = text.Substring(1); // Tomlyn drops a BOM silently and its offsets would not count it
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text, Options, path, validate: true);
        }
        catch (TomlException e) // nesting deeper than codex allows; Tomlyn names no position for it
        {
            throw Invalid(path, $"{path}: {e.Message}", e);
        }
        var config = new ConfigToml(path, hasBom, text, document);
        // Tomlyn would drop a second BOM as silently as the first; TOML allows one, at the start.
        if (text.Length > 0 && text[0] == Bom) throw Invalid(path, $"{config.Where(0)}: a byte order mark is allowed only at the start of the file");
        if (document.Diagnostics.FirstOrDefault(d => d.Kind == DiagnosticMessageKind.Error) is { } error)
            throw Invalid(path, $"{config.Where(error.Span.Start.Offset)}: {error.Message}");
        return config;
    }

    /// <summary>
    /// The key-value <paramref name="key"/> of the root table: written before any [table] header and not dotted
    /// (bare, "quoted" and 'literal' spellings, escapes included, are the same key); null when there is none.
    /// </summary>
    public KeyValueSyntax? FindTopLevel(string key) => document.KeyValues.FirstOrDefault(kv =>
        kv.Key is { } k && (k.DotKeys is null || k.DotKeys.ChildrenCount == 0) && KeyName(k.Key) == key);

    /// <summary>"path:line:column" for an offset in <see cref="Text"/>, counted as codex counts: 1-based, one column per
    /// Unicode character, and a BOM is a column of line 1.</summary>
    public string Where(int offset)
    {
        offset = Math.Max(0, Math.Min(offset, Text.Length));
        var (line, lineStart) = (1, 0);
        for (var i = 0; i < offset; i++)
        {
            if (Text[i] == '\n') (line, lineStart) = (line + 1, i + 1);
        }
        var column = line == 1 && HasBom ? 2 : 1;
        for (var i = lineStart; i < offset; i++)
        {
            if (!char.IsLowSurrogate(Text[i])) column++;
        }
        return $"{Path}:{line}:{column}";
    }

    /// <summary>
    /// The file's bytes with the top-level key-value <paramref name="key"/> removed: its whole line(s), from the start
    /// of the key's line through the line ending after the value (a trailing comment and every line of a multi-line
    /// value included). BOM, line endings, comments and the presence of a final newline are kept. Null when absent.
    /// </summary>
    public byte[]? WithoutTopLevelKey(string key)
    {
        if (FindTopLevel(key) is not { } keyValue) return null;
        var start = keyValue.Span.Start.Offset;
        while (start > 0 && Text[start - 1] != '\n') start--; // the key's indentation goes with it
        // Spans are inclusive; the key-value's span ends with its line ending, when it has one.
        var end = keyValue.EndOfLineToken is { } eol ? eol.Span.End.Offset + 1 : Text.Length;
        if (end >= Text.Length && (end == start || Text[Text.Length - 1] != '\n') && start > 0)
        {
            // The last line has no line ending: drop the one before it instead, so the file still ends without one.
            start -= start >= 2 && Text[start - 2] == '\r' ? 2 : 1;
            end = Text.Length;
        }
        var kept = Text.Substring(0, start) + Text.Substring(Math.Min(end, Text.Length));
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(HasBom ? Bom + kept : kept);
    }

    private static string? KeyName(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text,
        StringValueSyntax quoted => quoted.Value,
        _ => null,
    };

    /// <summary>Strict UTF-8 as Rust's String::from_utf8, with its error wording (codex: "Failed to read config file …").</summary>
    private static string DecodeUtf8(byte[] utf8, string path)
    {
        try
        {
            return StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            var index = Math.Max(0, e.Index);
            var length = e.BytesUnknown?.Length ?? 1;
            // A sequence cut short by the end of the file is "incomplete"; anything else is "invalid" (Rust's Utf8Error).
            var detail = index + length >= utf8.Length && IsTruncatedLead(utf8, index)
                ? $"incomplete utf-8 byte sequence from index {index}"
                : $"invalid utf-8 sequence of {length} bytes from index {index}";
            throw Invalid(path, $"Failed to read config file {path}: {detail}", e);
        }
    }

    private static bool IsTruncatedLead(byte[] bytes, int index)
    {
        var lead = bytes[index];
        var needed = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 0;
        return needed > bytes.Length - index;
    }

    private static Shared.LogoutException Invalid(string path, string detail, Exception? inner = null)
        => CodexErrors.ConfigInvalid(path, detail, inner);
}
