using LogoutModule.Core.Shared;
using Spectre.Console.Testing;
using Xunit;

namespace LogoutModule.Tests.Shared;

/// <summary>
/// sf's checkbox list on a console (issue #11 item 2), driven key by key on Spectre's TestConsole: none selected unless
/// -All, space toggles, Enter accepts, paged to the window, typing filters, labels shown literally, Ctrl+C ends it with
/// nothing chosen.
/// </summary>
public sealed class ChoicePickerTests
{
    private const string Title = "Select the orgs you want to log out of:";

    private static List<HostChoice> Orgs(int count) => Enumerable.Range(0, count)
        .Select(index => new HostChoice($"user{index}@fixture{index}.example.com", $"aliases org{index}") { Names = new[] { $"org{index}" } })
        .ToList();

    private static TestConsole Console(params ConsoleKey[] keys)
    {
        var console = new TestConsole().Interactive();
        foreach (var key in keys) console.Input.PushKey(key);
        return console;
    }

    private static IReadOnlyList<int> Pick(TestConsole console, IReadOnlyList<HostChoice> choices, bool allSelected = false, CancellationToken stopping = default)
        => ChoicePicker.Show(console, Title, choices, allSelected, stopping);

    /// <summary>The line written once the list is gone (TestConsole drops the cursor moves that clear the list, so it follows the last frame).</summary>
    private static string Echoed(TestConsole console)
    {
        var output = console.Output.TrimEnd('\n');
        return output[output.LastIndexOf(Title, StringComparison.Ordinal)..];
    }

    [Fact]
    public void Enter_at_once_selects_nothing_and_says_so()
    {
        var console = Console(ConsoleKey.Enter);
        Assert.Empty(Pick(console, Orgs(3)));
        Assert.Contains("[ ] user0@fixture0.example.com (aliases org0)", console.Output);
        Assert.DoesNotContain("[X]", console.Output);
        Assert.Equal(Title + " none", Echoed(console));
    }

    [Fact]
    public void With_all_selected_Enter_at_once_selects_every_row()
    {
        var console = Console(ConsoleKey.Enter);
        Assert.Equal(new[] { 0, 1, 2 }, Pick(console, Orgs(3), allSelected: true));
        Assert.Contains("[X] user2@fixture2.example.com", console.Output);
    }

    [Fact]
    public void Space_toggles_the_row_under_the_cursor_and_the_arrows_move_it()
    {
        var console = Console(ConsoleKey.Spacebar, ConsoleKey.DownArrow, ConsoleKey.DownArrow, ConsoleKey.Spacebar, ConsoleKey.UpArrow, ConsoleKey.UpArrow, ConsoleKey.Spacebar, ConsoleKey.Enter);
        Assert.Equal(new[] { 2 }, Pick(console, Orgs(4)));
        Assert.Equal(Title + " user2@fixture2.example.com", Echoed(console));
    }

    [Fact]
    public void Space_deselects_a_row_of_the_all_selected_list()
    {
        var console = Console(ConsoleKey.DownArrow, ConsoleKey.Spacebar, ConsoleKey.Enter);
        Assert.Equal(new[] { 0, 2 }, Pick(console, Orgs(3), allSelected: true));
    }

    [Fact]
    public void A_long_list_shows_one_window_of_rows_at_a_time_and_PageDown_reaches_the_next()
    {
        // A 12-row window: 4 rows per page (12 less the 8 kept for the title, hints and command line).
        var console = Console(ConsoleKey.PageDown, ConsoleKey.Spacebar, ConsoleKey.End, ConsoleKey.Spacebar, ConsoleKey.Enter).Height(12);
        var first = Console(ConsoleKey.Enter).Height(12);
        Pick(first, Orgs(300));
        Assert.Contains("user3@fixture3.example.com", first.Output);
        Assert.DoesNotContain("user4@fixture4.example.com", first.Output);
        Assert.Contains("to reveal more orgs", first.Output);

        Assert.Equal(new[] { 4, 299 }, Pick(console, Orgs(300)));
    }

    [Theory]
    [InlineData(40, 32)]
    [InlineData(24, 16)]
    [InlineData(5, ChoicePicker.MinimumPageSize)]
    public void The_page_fits_the_window(int windowHeight, int pageSize) => Assert.Equal(pageSize, ChoicePicker.PageSizeFor(windowHeight));

    [Fact]
    public void Brackets_in_a_name_are_shown_literally_not_read_as_markup()
    {
        var choices = new List<HostChoice>
        {
            new("[red]evil[/]@fixture.example.com", "aliases [bold]x[/],[") { Names = new[] { "[" } },
            new("plain@fixture.example.com", "no alias, not a default"),
        };
        var console = Console(ConsoleKey.Spacebar, ConsoleKey.DownArrow, ConsoleKey.Enter);
        Assert.Equal(new[] { 0 }, Pick(console, choices));
        Assert.Contains("[red]evil[/]@fixture.example.com (aliases [bold]x[/],[)", console.Output);
        Assert.Equal(Title + " [red]evil[/]@fixture.example.com", Echoed(console));
    }

    [Fact]
    public void A_control_character_in_a_name_is_shown_escaped_so_it_cannot_steer_the_terminal()
    {
        var choices = new List<HostChoice> { new("a\u001b[2Jb@fixture.example.com", "no alias, not a default") };
        var console = Console(ConsoleKey.Spacebar, ConsoleKey.Enter);
        Pick(console, choices);
        Assert.DoesNotContain("\u001b", console.Output, StringComparison.Ordinal);
        Assert.Contains("a\\u001b[2Jb@fixture.example.com", console.Output);
    }

    [Fact]
    public void Ctrl_C_ends_the_list_with_nothing_chosen()
    {
        using var stopping = new CancellationTokenSource();
        stopping.Cancel();
        var console = Console(ConsoleKey.Spacebar, ConsoleKey.Enter);
        Assert.ThrowsAny<OperationCanceledException>(() => Pick(console, Orgs(3), stopping: stopping.Token));
        // The list's own frame is the last thing written: no "chosen" line, and the caller stops before changing anything.
        Assert.EndsWith("Ctrl+C cancels)", console.Output.TrimEnd(), StringComparison.Ordinal);
    }

    private static TestConsole Typing(string text, params ConsoleKey[] then)
    {
        var console = new TestConsole().Interactive();
        foreach (var character in text) console.Input.PushCharacter(character);
        foreach (var key in then) console.Input.PushKey(key);
        return console;
    }

    [Fact]
    public void Typing_filters_the_rows_and_the_title_says_how_many_match()
    {
        var console = Typing("ORG9", ConsoleKey.Spacebar, ConsoleKey.Enter);
        Assert.Equal(new[] { 9 }, Pick(console, Orgs(12)));
        var lastFrame = console.Output[console.Output.LastIndexOf("filter ", StringComparison.Ordinal)..];
        Assert.Contains("filter ORG9, 1 of 12; Esc clears", lastFrame);
        Assert.DoesNotContain("user1@", lastFrame);
    }

    [Fact]
    public void Letters_that_move_the_cursor_elsewhere_in_Spectre_j_and_k_are_filter_text_here()
    {
        var choices = new List<HostChoice> { new("ann@fixture.example.com", "x"), new("jo@fixture.example.com", "x"), new("kim@fixture.example.com", "x") };
        Assert.Equal(new[] { 2 }, Pick(Typing("k", ConsoleKey.Spacebar, ConsoleKey.Enter), choices));
    }

    [Fact]
    public void Rows_hidden_by_the_filter_keep_their_checkboxes()
    {
        // All selected; the filter shows only row 2, whose box is cleared; Enter accepts rows 0 and 1 as well.
        var console = Typing("fixture2", ConsoleKey.Spacebar, ConsoleKey.Enter);
        Assert.Equal(new[] { 0, 1 }, Pick(console, Orgs(3), allSelected: true));
    }

    [Fact]
    public void Backspace_and_Escape_widen_the_filter_again()
    {
        var backspace = Typing("org1", ConsoleKey.Backspace, ConsoleKey.Backspace, ConsoleKey.DownArrow, ConsoleKey.DownArrow, ConsoleKey.Spacebar, ConsoleKey.Enter);
        Assert.Equal(new[] { 2 }, Pick(backspace, Orgs(3))); // "or" matches every row again: Down, Down is row 2

        var escape = Typing("org2", ConsoleKey.Escape, ConsoleKey.DownArrow, ConsoleKey.Spacebar, ConsoleKey.Enter);
        Assert.Equal(new[] { 1 }, Pick(escape, Orgs(3)));
    }

    [Fact]
    public void A_character_that_would_leave_no_row_is_ignored()
    {
        var console = Typing("org1z", ConsoleKey.Spacebar, ConsoleKey.Enter);
        Assert.Equal(new[] { 1 }, Pick(console, Orgs(3)));
        Assert.DoesNotContain("filter org1z", console.Output);
    }
}
