namespace LogoutModule.Core.Shared;

/// <summary>
/// What tab completion offers for one typed word: the names that start with it (case-insensitively, or that match it
/// with a trailing * when it holds wildcards), each written as PowerShell must read it back (quoted when it would otherwise split or
/// expand). Pure text rules, so the core can apply them without System.Management.Automation.
/// </summary>
public static class CompletionText
{
    // Characters that end a bare argument or expand in PowerShell's argument mode (anywhere in it), and those that only
    // mean something at its start (a splat, a comment, a parameter name).
    private static readonly char[] NeedsQuotes = { ' ', '\t', '$', '`', '\'', '"', ';', ',', '(', ')', '{', '}', '&', '|', '<', '>', '\u2018', '\u2019', '\u201C', '\u201D' };
    private static readonly char[] NeedsQuotesFirst = { '@', '#', '-', '[', '.' };

    /// <summary>
    /// The <paramref name="names"/> that fit <paramref name="wordToComplete"/> (the text typed so far, possibly opened
    /// with a quote), in ordinal case-insensitive order, as (completion text, name) pairs. An exact match comes first.
    /// Never throws; duplicates are offered once.
    /// </summary>
    public static IReadOnlyList<(string Text, string Name)> Complete(IEnumerable<string> names, string? wordToComplete)
    {
        var word = wordToComplete ?? "";
        char? quote = word.Length > 0 && word[0] is '\'' or '"' ? word[0] : null;
        var typed = quote is null ? word : word.Substring(1).TrimEnd(quote.Value);
        Func<string, bool> fits = Wildcard.ContainsWildcard(typed)
            ? new Wildcard(typed.EndsWith("*", StringComparison.Ordinal) ? typed : typed + "*").IsMatch
            : name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase);
        return names.Where(name => !string.IsNullOrEmpty(name) && fits(name))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(name => name.Equals(typed, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(name => name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(name => name, StringComparer.Ordinal)
            .Select(name => (Quote(name, quote), name))
            .ToList();
    }

    /// <summary>
    /// <paramref name="name"/> as an argument PowerShell reads back unchanged: bare when it can be, otherwise in the quote the
    /// user opened (single quotes by default, which expand nothing; a single quote inside is doubled).
    /// </summary>
    public static string Quote(string name, char? openedQuote = null)
    {
        if (openedQuote is null && name.IndexOfAny(NeedsQuotes) < 0 && Array.IndexOf(NeedsQuotesFirst, name[0]) < 0) return name;
        if (openedQuote == '"') return "\"" + name.Replace("`", "``").Replace("$", "`$").Replace("\"", "`\"") + "\"";
        return "'" + name.Replace("'", "''") + "'";
    }
}
