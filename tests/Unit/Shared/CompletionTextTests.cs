using LogoutModule.Core.Shared;
using Xunit;

namespace LogoutModule.Tests.Shared;

/// <summary>The order and spelling of what Tab offers (CompletionText.Complete), for every completer of the module.</summary>
public sealed class CompletionTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("AB")]
    [InlineData("ä")]
    [InlineData("'a")]
    [InlineData("\"B")]
    [InlineData("*b?")]
    [InlineData("[a-c]*")]
    public void Names_come_once_each_exact_match_first_then_ordinal_ignoring_case_then_ordinal_with_the_first_candidates_tool_tip(string word)
    {
        // Names that tie ignoring case, repeat, hold non-ASCII letters (ß, İ, ä/Ä, a surrogate pair) and characters that need quotes.
        var random = new Random(13);
        var letters = new[] { "a", "A", "b", "B", "ä", "Ä", "ß", "İ", "i", "_", " ", "$", "1", "@", "😀", "'", "\u2018", "\u201D", "-", "é" };
        var names = Enumerable.Range(0, 3000).Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => letters[random.Next(letters.Length)]))).ToList();
        names.AddRange(new[] { "ab", "AB", "Ab", "ab" });

        var completions = CompletionText.CompleteAt(names, place => place.ToString(), word);

        // The rule as LINQ states it: distinct names, exact match first, OrdinalIgnoreCase, then Ordinal.
        var quote = word.Length > 0 && word[0] is '\'' or '"' ? word[0] : (char?)null;
        var typed = quote is null ? word : word.Substring(1);
        var fits = Wildcard.ContainsWildcard(typed) ? new Wildcard(typed.EndsWith('*') ? typed : typed + "*").IsMatch : (Func<string, bool>)(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase));
        var expected = names.Where(n => n.Length > 0 && fits(n)).Distinct(StringComparer.Ordinal)
            .OrderBy(n => n == typed ? 0 : 1).ThenBy(n => n, StringComparer.OrdinalIgnoreCase).ThenBy(n => n, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, completions.Select(c => c.Name));
        Assert.Equal(expected.Select(n => CompletionText.Quote(n, quote)), completions.Select(c => c.Text));
        // Bare unless a character would end the word or expand (a leading one that starts a splat, comment, parameter...).
        Assert.Equal(quote is null ? expected.Where(n => n.IndexOfAny(" $'\u2018\u201D".ToCharArray()) < 0 && n[0] is not ('@' or '-')) : [],
            completions.Where(c => c.Text == c.Name).Select(c => c.Name));
        Assert.Equal(expected.Select(n => names.IndexOf(n).ToString()), completions.Select(c => c.ToolTip));
    }
}
