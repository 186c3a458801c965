using System.Globalization;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace LogoutModule.Core.Shared;

/// <summary>The only ways secrets become text: revealed for a request body, and scrubbed out of anything shown.</summary>
public static class SecretText
{
    /// <summary>The plain text of a SecureString, for building a request body and nothing else.</summary>
    public static string Reveal(SecureString secret)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
        try
        {
            return Marshal.PtrToStringUni(pointer) ?? "";
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    /// <summary>
    /// Replaces every occurrence of each secret (of 4 characters or more) with "***", for server text that might echo
    /// what it was sent, in any spelling a server or its framework may use, even mixed within one echo: raw;
    /// percent-encoded (a request body's <c>%2F %2B %3D</c>, either hex case, '+' for a space); JSON-escaped
    /// (<c>\/</c>, <c>\u002B</c>, either hex case). Returns the text with nothing else changed.
    /// </summary>
    public static string Scrub(string text, params string?[] secrets)
    {
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s) && s!.Length >= 4).Distinct(StringComparer.Ordinal))
            text = AnySpelling(secret!).Replace(text, "***");
        return text;
    }

    // One pattern per secret: each character may appear as itself, %hh (UTF-16 code units below 0x80, as tokens are
    // ASCII), \uhhhh, a JSON backslash escape, or '+' for a space. Linear: no nested quantifiers.
    private static Regex AnySpelling(string secret)
    {
        var pattern = new StringBuilder();
        foreach (var c in secret)
        {
            pattern.Append("(?:").Append(Regex.Escape(c.ToString()));
            if (c < 0x80) pattern.Append("|%").Append(HexPattern((int)c, 2));
            pattern.Append(@"|\\u").Append(HexPattern(c, 4));
            if (c is '/' or '"' or '\\') pattern.Append(@"|\\").Append(Regex.Escape(c.ToString()));
            if (c == ' ') pattern.Append(@"|\+");
            pattern.Append(')');
        }
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
    }

    private static string HexPattern(int value, int digits)
    {
        var builder = new StringBuilder();
        foreach (var digit in value.ToString("X" + digits, CultureInfo.InvariantCulture))
            builder.Append(char.IsLetter(digit) ? $"[{digit}{char.ToLowerInvariant(digit)}]" : digit.ToString());
        return builder.ToString();
    }
}
