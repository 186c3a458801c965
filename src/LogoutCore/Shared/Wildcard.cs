using System.Text;
using System.Text.RegularExpressions;

namespace LogoutModule.Core.Shared;

/// <summary>
/// PowerShell wildcard matching (<c>*</c>, <c>?</c>, <c>[a-z]</c>, backtick escapes), case-insensitive.
/// Our own, because PowerShellStandard's WildcardPattern is a stub and the core must not reference it.
/// </summary>
public sealed class Wildcard
{
    private readonly Regex _regex;

    /// <summary>A matcher for <paramref name="pattern"/>.</summary>
    /// <exception cref="ArgumentException">The pattern is not valid (a reversed class range such as <c>[z-a]</c>), as
    /// PowerShell's WildcardPattern also refuses it; the message says why.</exception>
    public Wildcard(string pattern)
    {
        Pattern = pattern;
        _regex = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    /// <summary>A matcher for <paramref name="pattern"/>, or null with the reason when the pattern is not valid.</summary>
    public static Wildcard? TryCreate(string pattern, out string? reason)
    {
        try
        {
            reason = null;
            return new Wildcard(pattern);
        }
        catch (ArgumentException e)
        {
            reason = e.Message;
            return null;
        }
    }

    public string Pattern { get; }

    public bool IsMatch(string? value) => value is not null && _regex.IsMatch(value);

    public static bool ContainsWildcard(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '`') { i++; continue; }
            if (pattern[i] is '*' or '?' or '[') return true;
        }
        return false;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '`' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '*': regex.Append(".*"); break;
                case '?': regex.Append('.'); break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0) { regex.Append(Regex.Escape("[")); break; }
                    var set = pattern.Substring(i + 1, close - i - 1).Replace("\\", "\\\\").Replace("^", "\\^");
                    regex.Append('[').Append(set).Append(']');
                    i = close;
                    break;
                default: regex.Append(Regex.Escape(c.ToString())); break;
            }
        }
        return regex.Append('$').ToString();
    }
}
