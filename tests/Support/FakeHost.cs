using LogoutModule.Core.Shared;

namespace LogoutModule.Tests.Support;

/// <summary>
/// Stands in for PowerShell's host: answers ShouldProcess/ShouldContinue/choice prompts as a test scripts them
/// and records every stream, so tests assert on what a user would see.
/// </summary>
public sealed class FakeHost : IHostInteraction
{
    /// <summary>-WhatIf: ShouldProcess records the "What if" line and answers no.</summary>
    public bool WhatIf { get; init; }

    /// <summary>The answer to -Confirm's ShouldProcess prompt when not under -WhatIf.</summary>
    public Func<string, string, bool> ProcessAnswer { get; init; } = (_, _) => true;

    /// <summary>The answer to ShouldContinue; null means a non-interactive host, which fails as PowerShell's does.</summary>
    public Func<string, string, bool>? ContinueAnswer { get; init; }

    /// <summary>The answer to a multiple-choice prompt; null means the host cannot prompt.</summary>
    public Func<IReadOnlyList<HostChoice>, IReadOnlyList<int>>? ChoiceAnswer { get; init; }

    /// <summary>
    /// The console's arrow-key list: given the choices and whether all start selected, the indexes chosen (a test may
    /// drive ChoicePicker on a Spectre TestConsole here); null means no interactive console, as in every other host.
    /// </summary>
    public Func<IReadOnlyList<HostChoice>, bool, IReadOnlyList<int>>? PickAnswer { get; init; }

    /// <summary>What StopProcessing would fire; a test cancels its source to play Ctrl+C.</summary>
    public CancellationToken Stopping { get; init; }

    public List<(string Target, string Action)> ShouldProcessCalls { get; } = new();
    public List<string> WhatIfLines { get; } = new();
    public List<(string Query, string Caption)> ShouldContinueCalls { get; } = new();
    public List<(string Caption, string Message, IReadOnlyList<HostChoice> Choices)> ChoicePrompts { get; } = new();
    public List<(string Title, IReadOnlyList<HostChoice> Choices, bool AllSelected)> Picks { get; } = new();
    public List<object> Output { get; } = new();
    public List<string> Warnings { get; } = new();
    public List<string> Verbose { get; } = new();
    public List<LogoutError> Errors { get; } = new();
    public List<ProgressUpdate> Progress { get; } = new();

    public bool ShouldProcess(string target, string action)
    {
        ShouldProcessCalls.Add((target, action));
        if (WhatIf)
        {
            WhatIfLines.Add($"What if: Performing the operation \"{action}\" on target \"{target}\".");
            return false;
        }
        return ProcessAnswer(target, action);
    }

    public bool ShouldContinue(string query, string caption, ref bool yesToAll, ref bool noToAll)
    {
        ShouldContinueCalls.Add((query, caption));
        if (yesToAll) return true;
        if (noToAll) return false;
        if (ContinueAnswer is null) throw LogoutException.ConfirmationNotPossible(); // as PowerShellHost reports a non-interactive host
        return ContinueAnswer(query, caption);
    }

    public IReadOnlyList<int>? PromptForChoices(string caption, string message, IReadOnlyList<HostChoice> choices)
    {
        ChoicePrompts.Add((caption, message, choices));
        return ChoiceAnswer?.Invoke(choices);
    }

    public IReadOnlyList<int>? PickFromList(string title, IReadOnlyList<HostChoice> choices, bool allSelected)
    {
        Picks.Add((title, choices, allSelected));
        return PickAnswer?.Invoke(choices, allSelected);
    }

    public void WriteObject(object item) => Output.Add(item);
    public void WriteWarning(string message) => Warnings.Add(message);
    public void WriteVerbose(string message) => Verbose.Add(message);
    public void WriteError(LogoutError error) => Errors.Add(error);
    public void WriteProgress(ProgressUpdate update) => Progress.Add(update);

    public IEnumerable<T> OutputOf<T>() => Output.OfType<T>();

    /// <summary>Every text a user could see in any stream, for "no secret leaks" assertions.</summary>
    public string AllText() => string.Join("\n", WhatIfLines
        .Concat(ShouldProcessCalls.Select(c => c.Target + " " + c.Action))
        .Concat(ShouldContinueCalls.Select(c => c.Query + " " + c.Caption))
        .Concat(Warnings).Concat(Verbose)
        .Concat(Errors.Select(e => e.ErrorId + " " + e.Message + " " + e.TargetObject))
        .Concat(Progress.Select(p => p.Activity + " " + p.Status))
        .Concat(Output.Select(ObjectText)));

    /// <summary>All public property values of an output object, as text.</summary>
    public static string ObjectText(object item) => string.Join("\n", item.GetType().GetProperties()
        .Select(p => p.Name + "=" + Format(p.GetValue(item))));

    private static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        System.Collections.IEnumerable list => string.Join(",", list.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };
}
