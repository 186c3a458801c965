using System.Management.Automation;
using System.Management.Automation.Host;
using LogoutModule.Core.Shared;

namespace LogoutModule.Commands.Internal;

/// <summary>Forwards the core's host interaction to the running cmdlet: nothing here decides anything.</summary>
internal sealed class PowerShellHost : IHostInteraction
{
    private readonly PSCmdlet _cmdlet;

    public PowerShellHost(PSCmdlet cmdlet, CancellationToken stopping)
    {
        _cmdlet = cmdlet;
        Stopping = stopping;
    }

    public CancellationToken Stopping { get; }

    public bool ShouldProcess(string target, string action) => Prompting(() => _cmdlet.ShouldProcess(target, action));

    public bool ShouldContinue(string query, string caption, ref bool yesToAll, ref bool noToAll)
    {
        bool yes = yesToAll, no = noToAll;
        var answer = Prompting(() => _cmdlet.ShouldContinue(query, caption, ref yes, ref no));
        (yesToAll, noToAll) = (yes, no);
        return answer;
    }

    /// <summary>
    /// A confirmation the host must show (ShouldContinue, or ShouldProcess under -Confirm): a host that cannot prompt
    /// (-NonInteractive, no console) is the module's ConfirmationNotPossible, never the host's own exception.
    /// </summary>
    private static bool Prompting(Func<bool> prompt)
    {
        try
        {
            return prompt();
        }
        catch (Exception e) when (e is PSInvalidOperationException or HostException or NotImplementedException)
        {
            throw LogoutException.ConfirmationNotPossible(e);
        }
    }

    /// <summary>
    /// The host's line prompt (works in every host that reads lines: console, ISE, VS Code, remoting): the numbered list,
    /// then lines read until one names the choices by number, name or unique start (ChoiceSelection); a line that does
    /// not is explained and asked again. Null when the host cannot read (-NonInteractive, no console, input ended).
    /// </summary>
    public IReadOnlyList<int>? PromptForChoices(string caption, string message, IReadOnlyList<HostChoice> choices)
    {
        if (_cmdlet.Host?.UI is not { } ui) return null;
        try
        {
            ui.WriteLine(caption);
            var width = choices.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
            for (var index = 0; index < choices.Count; index++)
                ui.WriteLine($"{(index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width)}. {choices[index].Label} ({choices[index].HelpMessage})");
            while (true)
            {
                ui.WriteLine(message);
                if (ui.ReadLine() is not { } line) return null;
                if (ChoiceSelection.TryParse(choices, line, out var chosen, out var problem)) return chosen;
                ui.WriteWarningLine(problem);
            }
        }
        catch (Exception e) when (e is PSInvalidOperationException or HostException or NotImplementedException or InvalidOperationException)
        {
            return null; // -NonInteractive or a host without a console: the caller reports how to choose instead.
        }
    }

    /// <summary>
    /// Spectre's checkbox list (ChoicePicker) when the host is the console host, its input and output are the terminal
    /// (not redirected) and the session may prompt (not -NonInteractive); null elsewhere (ISE, VS Code's host, remoting,
    /// a runspace of another host), where the caller falls back to <see cref="PromptForChoices"/>.
    /// </summary>
    public IReadOnlyList<int>? PickFromList(string title, IReadOnlyList<HostChoice> choices, bool allSelected)
        => IsInteractiveConsoleHost() ? ChoicePicker.ShowOnConsole(title, choices, allSelected, Stopping) : null;

    private bool IsInteractiveConsoleHost()
        => _cmdlet.Host?.Name == "ConsoleHost"
           && !Console.IsInputRedirected && !Console.IsOutputRedirected
           && !NonInteractiveSwitch.IsSet(Environment.GetCommandLineArgs());

    public void WriteObject(object item) => _cmdlet.WriteObject(item);

    public void WriteWarning(string message) => Message(() => _cmdlet.WriteWarning(message));

    public void WriteVerbose(string message) => Message(() => _cmdlet.WriteVerbose(message));

    public void WriteError(LogoutError error) => Message(() => _cmdlet.WriteError(ErrorRecords.From(error)));

    /// <summary>
    /// A stream write, which -Debug (or an Inquire preference) makes a "Continue?" prompt: a host that cannot show it is
    /// the module's ConfirmationNotPossible (MessagePromptNotPossible), not an unexpected error. The user's own answers
    /// (Halt, -ErrorAction Stop) are PowerShell's exceptions of other types and pass unchanged.
    /// </summary>
    private static void Message(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is PSInvalidOperationException or HostException)
        {
            throw LogoutException.MessagePromptNotPossible(e);
        }
    }

    public void WriteProgress(ProgressUpdate update)
    {
        var record = new ProgressRecord(update.ActivityId, update.Activity, update.Status)
        {
            PercentComplete = update.PercentComplete,
            RecordType = update.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        _cmdlet.WriteProgress(record);
    }
}
