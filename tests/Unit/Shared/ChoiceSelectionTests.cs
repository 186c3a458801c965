using LogoutModule.Core.Shared;
using Xunit;

namespace LogoutModule.Tests.Shared;

/// <summary>The line typed at the host's org prompt: numbers, usernames, aliases and unique starts (issue #11 item 2).</summary>
public sealed class ChoiceSelectionTests
{
    private static readonly HostChoice[] Orgs =
    {
        new("user0@fixture0.example.com", "DevHub") { Names = new[] { "hub", "org0" } },
        new("user1@fixture1.example.com", "") { Names = new[] { "org1" } },
        new("user10@fixture10.example.com", "") { Names = new[] { "org10" } },
        new("user5@fixture5.example.com", "") { Names = new[] { "org5" } },
    };

    private static IReadOnlyList<int> Chosen(string typed)
    {
        Assert.True(ChoiceSelection.TryParse(Orgs, typed, out var indexes, out var problem), problem);
        return indexes;
    }

    private static string Problem(string typed)
    {
        Assert.False(ChoiceSelection.TryParse(Orgs, typed, out _, out var problem));
        return problem!;
    }

    [Fact]
    public void An_alias_typed_in_full_selects_its_org() => Assert.Equal(new[] { 3 }, Chosen("org5"));

    [Fact]
    public void An_exact_alias_wins_over_the_longer_names_it_begins() => Assert.Equal(new[] { 1 }, Chosen("org1"));

    [Fact]
    public void A_unique_start_of_an_alias_or_username_selects_case_insensitively() => Assert.Equal(new[] { 0, 3 }, Chosen("HU user5"));

    [Fact]
    public void Numbers_are_the_list_positions_and_entries_may_be_separated_by_commas_or_spaces() =>
        Assert.Equal(new[] { 0, 2, 3 }, Chosen("4, 1  org10,4"));

    [Fact]
    public void An_empty_line_selects_none() => Assert.Empty(Chosen("  "));

    [Fact]
    public void A_start_of_several_names_is_a_problem_naming_them()
    {
        var problem = Problem("org5 user1");
        Assert.StartsWith("'user1' starts 2 names (user1@fixture1.example.com, user10@fixture10.example.com)", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nosuch")]
    [InlineData("0")]
    [InlineData("5")]
    public void A_word_that_names_nothing_is_a_problem_naming_the_range(string typed) =>
        Assert.Equal($"'{typed}' is not a number from 1 to 4, a listed name or the start of one.", Problem(typed));
}
