namespace LogoutModule.Core.Shared;

/// <summary>
/// Everything the core needs from PowerShell's host, so the core never references
/// System.Management.Automation and unit tests can fake the host.
/// The cmdlet layer forwards each member to the matching Cmdlet method.
/// </summary>
public interface IHostInteraction
{
    /// <summary>Cmdlet.ShouldProcess(target, action): false under -WhatIf (after printing) or when -Confirm is refused.</summary>
    bool ShouldProcess(string target, string action);

    /// <summary>Cmdlet.ShouldContinue with the yes-to-all/no-to-all overload; never called when -Force is set.</summary>
    bool ShouldContinue(string query, string caption, ref bool yesToAll, ref bool noToAll);

    /// <summary>
    /// The host's choice prompt, none preselected; a choice is chosen by number, label, name or unique start (ChoiceSelection). Returns the chosen indexes,
    /// or null when the host cannot prompt (non-interactive session).
    /// </summary>
    IReadOnlyList<int>? PromptForChoices(string caption, string message, IReadOnlyList<HostChoice> choices);

    /// <summary>
    /// sf's arrow-key checkbox list (<see cref="ChoicePicker"/>), shown only where the host is the console host with an
    /// interactive console whose input and output are not redirected: the chosen indexes (0-based, list order; empty
    /// when none), every entry preselected when <paramref name="allSelected"/>. Null where no such list can be shown
    /// (ISE, VS Code's host, remoting, redirected input, -NonInteractive), so the caller uses PromptForChoices or no
    /// prompt. Ctrl+C ends it with OperationCanceledException.
    /// </summary>
    IReadOnlyList<int>? PickFromList(string title, IReadOnlyList<HostChoice> choices, bool allSelected);

    /// <summary>
    /// Fired by the cmdlet's StopProcessing (Ctrl+C, PowerShell.Stop()). Every network call and wait takes it and ends
    /// with OperationCanceledException, which the cmdlet turns into PowerShell's own pipeline stop.
    /// </summary>
    CancellationToken Stopping { get; }

    void WriteObject(object item);
    void WriteWarning(string message);
    void WriteVerbose(string message);
    void WriteError(LogoutError error);
    void WriteProgress(ProgressUpdate update);
}
