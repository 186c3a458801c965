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
#if NET8_0_OR_GREATER
    // A string's IndexOfAny over 20 characters, 4 of them not ASCII, tests each character apart; this searches in vectors.
    private static readonly System.Buffers.SearchValues<char> NeedsQuotesSearch = System.Buffers.SearchValues.Create(NeedsQuotes);
#endif

    /// <summary>
    /// The <paramref name="names"/> that fit <paramref name="wordToComplete"/> (the text typed so far, possibly opened with a
    /// quote), in ordinal case-insensitive order (names that differ only in case in ordinal order), an exact match first,
    /// each with its completion text and the tool tip <paramref name="toolTipOf"/> gives for its first place (index) in
    /// <paramref name="names"/>. A name is offered once; empty names never. Throws only what <paramref name="toolTipOf"/>
    /// throws, or ArgumentException for a wildcard pattern that is not valid (see <see cref="Wildcard"/>).
    /// </summary>
    // Named apart from Complete: with one name a lambda fitting both tool-tip shapes (int or string) chose the index
    // overload for any IReadOnlyList<string>, and gave "0 (…)" as the tool tip.
    public static IReadOnlyList<NameCompletion> CompleteAt(IReadOnlyList<string?> names, Func<int, string> toolTipOf, string? wordToComplete)
    {
        var word = wordToComplete ?? "";
        char? quote = word.Length > 0 && word[0] is '\'' or '"' ? word[0] : null;
        var typed = quote is null ? word : word.Substring(1).TrimEnd(quote.Value);
        Func<string, bool> fits = Wildcard.ContainsWildcard(typed)
            ? new Wildcard(typed.EndsWith("*", StringComparison.Ordinal) ? typed : typed + "*").IsMatch
            : name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase);
        var fitting = new Fit[names.Count];
        var count = 0;
        for (var place = 0; place < names.Count; place++)
        {
            var name = names[place];
            if (!string.IsNullOrEmpty(name) && fits(name!)) fitting[count++] = new Fit(name!, place);
        }
        // One sort of (name, place) pairs rather than LINQ's keyed OrderBy/ThenBy over a hash set's distinct names (a third
        // of a Tab press over the 21,000 names of a 10,000-org home); a name that repeats lands right after its first place.
        // Fit is a class so that the sort runs the runtime's precompiled shared code (a struct's sort is compiled on first use).
        Array.Sort(fitting, 0, count, FitOrder.Instance);
        var completions = new List<NameCompletion>(count);
        string? previous = null;
        for (var i = 0; i < count; i++)
        {
            var fit = fitting[i];
            if (string.Equals(fit.Name, previous, StringComparison.Ordinal)) continue;
            previous = fit.Name;
            var completion = new NameCompletion(Quote(fit.Name, quote), fit.Name, toolTipOf(fit.Place));
            if (fit.Name.Equals(typed, StringComparison.Ordinal)) completions.Insert(0, completion);
            else completions.Add(completion);
        }
        return completions;
    }

    /// <summary><see cref="CompleteAt"/> with a tool tip told by the name alone.</summary>
    public static IReadOnlyList<NameCompletion> Complete(IEnumerable<string> names, Func<string, string> toolTipOf, string? wordToComplete)
    {
        var list = names.ToList();
        return CompleteAt(list, place => toolTipOf(list[place]), wordToComplete);
    }

    /// <summary>
    /// <paramref name="name"/> as an argument PowerShell reads back unchanged: bare when it can be, otherwise in the quote the
    /// user opened (single quotes by default, which expand nothing; a single quote inside is doubled).
    /// </summary>
    public static string Quote(string name, char? openedQuote = null)
    {
        if (openedQuote is null && !HasNeedsQuotes(name) && Array.IndexOf(NeedsQuotesFirst, name[0]) < 0) return name;
        if (openedQuote == '"') return "\"" + name.Replace("`", "``").Replace("$", "`$").Replace("\"", "`\"") + "\"";
        return "'" + name.Replace("'", "''") + "'";
    }

    private static bool HasNeedsQuotes(string name)
#if NET8_0_OR_GREATER
        => name.AsSpan().IndexOfAny(NeedsQuotesSearch) >= 0;
#else
        => name.IndexOfAny(NeedsQuotes) >= 0;
#endif

    /// <summary>A fitting name and its first place among the names.</summary>
    private sealed record Fit(string Name, int Place);

    /// <summary>Ordinal ignoring case, then ordinal, then place.</summary>
    private sealed class FitOrder : IComparer<Fit>
    {
        public static readonly FitOrder Instance = new();

        public int Compare(Fit? x, Fit? y)
        {
            var order = string.Compare(x!.Name, y!.Name, StringComparison.OrdinalIgnoreCase);
            if (order == 0) order = string.CompareOrdinal(x.Name, y.Name);
            return order != 0 ? order : x.Place.CompareTo(y.Place);
        }
    }
}
