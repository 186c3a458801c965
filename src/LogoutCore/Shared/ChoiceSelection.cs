namespace LogoutModule.Core.Shared;

/// <summary>
/// Reads the answer typed at a line-based choice prompt (the host's prompt where no arrow-key list can be shown):
/// entries separated by commas or spaces, each a list number (1-based, as shown), a label or name typed in full
/// (case-sensitive, as sf matches usernames and aliases), or a unique case-insensitive prefix of one.
/// </summary>
public static class ChoiceSelection
{
    /// <summary>
    /// Takes the choices as listed and the line typed; returns true with the chosen indexes (0-based, in list order,
    /// no repeats; none for an empty line), or false with a problem naming the entry that selects nothing or more than one.
    /// </summary>
    public static bool TryParse(IReadOnlyList<HostChoice> choices, string typed, out IReadOnlyList<int> indexes, out string? problem)
    {
        var chosen = new SortedSet<int>();
        indexes = Array.Empty<int>();
        foreach (var entry in typed.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var matches = Match(choices, entry);
            if (matches.Count != 1)
            {
                problem = matches.Count == 0
                    ? $"'{entry}' is not a number from 1 to {choices.Count}, a listed name or the start of one."
                    : $"'{entry}' starts {matches.Count} names ({string.Join(", ", matches.Take(5).Select(index => choices[index].Label))}{(matches.Count > 5 ? ", ..." : "")}): type more of it, or the number.";
                return false;
            }
            chosen.Add(matches[0]);
        }
        indexes = chosen.ToList();
        problem = null;
        return true;
    }

    /// <summary>The entries one typed word selects: its number, else its exact label or names, else the entries it begins.</summary>
    private static List<int> Match(IReadOnlyList<HostChoice> choices, string entry)
    {
        if (int.TryParse(entry, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= choices.Count)
            return new List<int> { number - 1 };
        var all = Enumerable.Range(0, choices.Count).ToList();
        var exact = all.Where(index => NamesOf(choices[index]).Any(name => string.Equals(name, entry, StringComparison.Ordinal))).ToList();
        if (exact.Count > 0) return exact;
        return all.Where(index => NamesOf(choices[index]).Any(name => name.StartsWith(entry, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    private static IEnumerable<string> NamesOf(HostChoice choice) => choice.Names.Prepend(choice.Label);
}
