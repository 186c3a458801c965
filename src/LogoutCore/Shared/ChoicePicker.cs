using Spectre.Console;

namespace LogoutModule.Core.Shared;

/// <summary>
/// sf's checkbox list (the picker of <c>sf org logout</c>) drawn by Spectre.Console's MultiSelectionPrompt: the arrow
/// keys (also j/k, Home/End, PageUp/PageDown) move, the space bar toggles, Enter accepts, Ctrl+C stops. Paged to the
/// window's height; nothing has to be selected. Only for a console that is interactive and not redirected: the caller
/// (the cmdlet's host adapter) decides that, and uses the host's line prompt (<see cref="ChoiceSelection"/>) elsewhere.
/// </summary>
public static class ChoicePicker
{
    /// <summary>The fewest rows shown at once, however small the window.</summary>
    internal const int MinimumPageSize = 3;

    /// <summary>Rows of the window kept for the title, the hints and the command line above the list.</summary>
    private const int ReservedRows = 8;

    private const string Instructions = "[grey](Up/Down to move, <space> to select, <enter> to accept, Ctrl+C to cancel)[/]";
    private const string MoreChoices = "[grey](Move up and down, or PageUp/PageDown, to reveal more orgs)[/]";

    /// <summary>
    /// Shows the list on this process's console (its standard output, colours and size detected) and returns the chosen
    /// indexes (0-based, in list order), or null when that console cannot draw it (no ANSI support), so the caller falls
    /// back to the line prompt. <paramref name="stopping"/> (Ctrl+C) ends it with OperationCanceledException.
    /// </summary>
    public static IReadOnlyList<int>? ShowOnConsole(string title, IReadOnlyList<HostChoice> choices, bool allSelected, CancellationToken stopping)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        return console.Profile.Capabilities.Ansi ? Show(console, title, choices, allSelected, stopping) : null;
    }

    /// <summary>
    /// Shows the list on <paramref name="console"/>: one row per choice (<see cref="RowText"/>), every row selected when
    /// <paramref name="allSelected"/> (sf's <c>--all</c>), none otherwise; returns the indexes selected at Enter, in list
    /// order (empty when none). The accepted choice is echoed on one line once the list is gone. Cancellation throws
    /// OperationCanceledException and leaves the cursor visible.
    /// </summary>
    internal static IReadOnlyList<int> Show(IAnsiConsole console, string title, IReadOnlyList<HostChoice> choices, bool allSelected, CancellationToken stopping)
    {
        var prompt = new MultiSelectionPrompt<int>
        {
            Title = Markup.Escape(title),
            PageSize = PageSizeFor(console.Profile.Height),
            Required = false,
            InstructionsText = Instructions,
            MoreChoicesText = MoreChoices,
            Converter = index => Markup.Escape(RowText(choices[index])),
        };
        for (var index = 0; index < choices.Count; index++)
        {
            var item = prompt.AddChoice(index);
            if (allSelected) item.Select();
        }

        List<int> chosen;
        try
        {
            chosen = prompt.ShowAsync(console, stopping).GetAwaiter().GetResult();
        }
        finally
        {
            // Spectre hides the cursor while the list is up and shows it again only when Enter ends it.
            console.Cursor.Show();
        }
        chosen.Sort();
        var echoed = chosen.Count == 0 ? "none" : string.Join(", ", chosen.Select(index => PrintableText.Of(choices[index].Label)));
        console.MarkupLine($"{Markup.Escape(title)} [blue]{Markup.Escape(echoed)}[/]");
        return chosen;
    }

    /// <summary>One row as the user reads it: <c>username (type; aliases ...)</c>, control characters escaped (PrintableText).</summary>
    internal static string RowText(HostChoice choice) => PrintableText.Of($"{choice.Label} ({choice.HelpMessage})");

    /// <summary>Rows per page for a window <paramref name="windowHeight"/> rows high: the window less the lines around the list, at least <see cref="MinimumPageSize"/>.</summary>
    internal static int PageSizeFor(int windowHeight) => Math.Max(MinimumPageSize, windowHeight - ReservedRows);
}
