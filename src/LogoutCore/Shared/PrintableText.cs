namespace LogoutModule.Core.Shared;

/// <summary>
/// A value as it may stand inside a message: every control character (C0, DEL, C1 including NEL) and the Unicode line
/// and paragraph separators (U+2028, U+2029) written as <c>\uXXXX</c>, so a hostile name, path or URL cannot start a
/// new line or steer a terminal in a warning or error (#10 fault 9). The error's target object keeps the raw value.
/// </summary>
public static class PrintableText
{
    /// <summary>The text with those characters escaped; an empty string for null.</summary>
    public static string Of(string? text)
    {
        if (text is null) return "";
        if (!text.Any(NeedsEscape)) return text;
        return string.Concat(text.Select(c => NeedsEscape(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
