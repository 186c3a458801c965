using System.Globalization;
using System.Text;

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
        // A loop, not LINQ: every What-if line of a 10,000-org logout passes through here.
        var first = 0;
        while (first < text.Length && !NeedsEscape(text[first])) first++;
        if (first == text.Length) return text;
        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var index = first; index < text.Length; index++)
        {
            var c = text[index];
            if (NeedsEscape(c)) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
