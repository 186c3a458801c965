using Spectre.Console;
using Spectre.Console.Rendering;

namespace LogoutModule.Core.Shared;

/// <summary>
/// sf's checkbox list (the picker of <c>sf org logout</c>) drawn by Spectre.Console's MultiSelectionPrompt: the arrow
/// keys (also Home/End, PageUp/PageDown) move, the space bar toggles, Enter accepts, Ctrl+C stops; typing filters the
/// rows. Paged to the window's height; nothing has to be selected. Only for a console that is interactive and not
/// redirected: the caller (the cmdlet's host adapter) decides that, and uses the host's line prompt
/// (<see cref="ChoiceSelection"/>) elsewhere.
/// </summary>
public static class ChoicePicker
{
    /// <summary>The fewest rows shown at once, however small the window.</summary>
    internal const int MinimumPageSize = 3;

    /// <summary>Rows of the window kept for the title, the hints and the command line above the list.</summary>
    private const int ReservedRows = 8;

    private const string Instructions = "[grey](Up/Down move, <space> selects, <enter> accepts, typing filters, Ctrl+C cancels)[/]";
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
    /// order (empty when none), rows hidden by the filter included. Typed characters filter the rows (case-insensitive,
    /// anywhere in the row; a character that would leave no row is ignored), Backspace takes one back, Escape clears the
    /// filter. The accepted choice is echoed on one line once the list is gone. Cancellation throws
    /// OperationCanceledException and leaves the cursor visible.
    /// </summary>
    internal static IReadOnlyList<int> Show(IAnsiConsole console, string title, IReadOnlyList<HostChoice> choices, bool allSelected, CancellationToken stopping)
    {
        var rows = choices.Select(RowText).ToList();
        var selected = new SortedSet<int>(allSelected ? Enumerable.Range(0, rows.Count) : Enumerable.Empty<int>());
        var typing = new FilterInput(console.Input, filter => rows.Any(row => Matches(row, filter)));
        var filtering = new FilteringConsole(console, typing);
        try
        {
            // MultiSelectionPrompt's rows are fixed once shown: a new filter closes the list (as Escape does, which
            // clears it from the screen) and shows the matching rows again, their checkboxes kept.
            do
            {
                typing.Changed = false;
                var shown = Enumerable.Range(0, rows.Count).Where(index => Matches(rows[index], typing.Filter)).ToList();
                var prompt = new MultiSelectionPrompt<int>
                {
                    Title = typing.Filter.Length == 0
                        ? Markup.Escape(title)
                        : $"{Markup.Escape(title)} [grey](filter[/] [blue]{Markup.Escape(typing.Filter)}[/][grey], {shown.Count} of {rows.Count}; Esc clears)[/]",
                    PageSize = PageSizeFor(console.Profile.Height),
                    Required = false,
                    InstructionsText = Instructions,
                    MoreChoicesText = MoreChoices,
                    Converter = index => Markup.Escape(rows[index]),
                    CancelResult = () => new List<int>(),
                };
                var items = shown.Select(index => prompt.AddChoice(index)).ToList();
                for (var row = 0; row < shown.Count; row++)
                    if (selected.Contains(shown[row])) items[row].Select();

                prompt.ShowAsync(filtering, stopping).GetAwaiter().GetResult();
                // However the list closed, its checkboxes are the selection of the rows it showed.
                for (var row = 0; row < shown.Count; row++)
                    if (items[row].IsSelected) selected.Add(shown[row]);
                    else selected.Remove(shown[row]);
            }
            while (typing.Changed);
        }
        finally
        {
            // Spectre hides the cursor while the list is up and shows it again only when a key closes it.
            console.Cursor.Show();
        }
        var echoed = selected.Count == 0 ? "none" : string.Join(", ", selected.Select(index => PrintableText.Of(choices[index].Label)));
        console.MarkupLine($"{Markup.Escape(title)} [blue]{Markup.Escape(echoed)}[/]");
        return selected.ToList();
    }

    /// <summary>One row as the user reads it: <c>username (type; aliases ...)</c>, control characters escaped (PrintableText).</summary>
    internal static string RowText(HostChoice choice) => PrintableText.Of($"{choice.Label} ({choice.HelpMessage})");

    /// <summary>Rows per page for a window <paramref name="windowHeight"/> rows high: the window less the lines around the list, at least <see cref="MinimumPageSize"/>.</summary>
    internal static int PageSizeFor(int windowHeight) => Math.Max(MinimumPageSize, windowHeight - ReservedRows);

    private static bool Matches(string row, string filter) => row.IndexOf(filter, StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// The keyboard as the list reads it: a printable character (not the list's own keys: the space bar toggles),
    /// Backspace or Escape changes <see cref="Filter"/> and reaches the list as Escape, which closes it; any other key passes.
    /// </summary>
    private sealed class FilterInput : IAnsiConsoleInput
    {
        private static readonly ConsoleKeyInfo Close = new('\u001b', ConsoleKey.Escape, false, false, false);

        /// <summary>The list's own keys, whatever character a terminal reports with them.</summary>
        private static readonly HashSet<ConsoleKey> ListKeys = new()
        {
            ConsoleKey.UpArrow, ConsoleKey.DownArrow, ConsoleKey.PageUp, ConsoleKey.PageDown, ConsoleKey.Home, ConsoleKey.End,
            ConsoleKey.Spacebar, ConsoleKey.Enter,
        };
        private readonly IAnsiConsoleInput _keyboard;
        private readonly Func<string, bool> _matchesAny;

        public FilterInput(IAnsiConsoleInput keyboard, Func<string, bool> matchesAny)
        {
            _keyboard = keyboard;
            _matchesAny = matchesAny;
        }

        public string Filter { get; private set; } = "";

        /// <summary>Set when a key changed the filter and closed the list.</summary>
        public bool Changed { get; set; }

        public bool IsKeyAvailable() => _keyboard.IsKeyAvailable();

        public ConsoleKeyInfo? ReadKey(bool intercept) => Translate(_keyboard.ReadKey(intercept));

        public async Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken)
            => Translate(await _keyboard.ReadKeyAsync(intercept, cancellationToken).ConfigureAwait(false));

        /// <summary>The key the list gets; null (which the list skips) for a key that changes nothing.</summary>
        private ConsoleKeyInfo? Translate(ConsoleKeyInfo? read)
        {
            if (read is not { } key) return null;
            if (key.Key is ConsoleKey.Backspace or ConsoleKey.Escape)
            {
                if (Filter.Length == 0) return null;
                return Narrow(key.Key == ConsoleKey.Escape ? "" : Filter.Substring(0, Filter.Length - 1));
            }
            if (ListKeys.Contains(key.Key) || key.KeyChar == '\0' || char.IsControl(key.KeyChar)) return key;
            var wider = Filter + key.KeyChar;
            return _matchesAny(wider) ? Narrow(wider) : null;
        }

        private ConsoleKeyInfo Narrow(string filter)
        {
            Filter = filter;
            Changed = true;
            return Close;
        }
    }

    /// <summary>The console with the keyboard read through <see cref="FilterInput"/>; everything else is the console's own.</summary>
    private sealed class FilteringConsole : IAnsiConsole
    {
        private readonly IAnsiConsole _console;

        public FilteringConsole(IAnsiConsole console, IAnsiConsoleInput input)
        {
            _console = console;
            Input = input;
        }

        public Profile Profile => _console.Profile;
        public IAnsiConsoleCursor Cursor => _console.Cursor;
        public IAnsiConsoleInput Input { get; }
        public IExclusivityMode ExclusivityMode => _console.ExclusivityMode;
        public RenderPipeline Pipeline => _console.Pipeline;
        public void Clear(bool home) => _console.Clear(home);
        public void Write(IRenderable renderable) => _console.Write(renderable);
        public void WriteAnsi(Action<AnsiWriter> action) => _console.WriteAnsi(action);
    }
}
