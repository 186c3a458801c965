using LogoutModule.Core.Shared;

namespace LogoutModule.Benchmarks;

/// <summary>A host that says yes to everything (as -Force does) and counts what it is given, keeping none of it.</summary>
public sealed class CountingHost : IHostInteraction
{
    public int Objects { get; private set; }
    public int Errors { get; private set; }

    public bool ShouldProcess(string target, string action) => true;
    public bool ShouldContinue(string query, string caption, ref bool yesToAll, ref bool noToAll) => true;
    public IReadOnlyList<int>? PromptForChoices(string caption, string message, IReadOnlyList<HostChoice> choices) => null;
    public IReadOnlyList<int>? PickFromList(string title, IReadOnlyList<HostChoice> choices, bool allSelected) => null;
    public CancellationToken Stopping => CancellationToken.None;
    public void WriteObject(object item) => Objects++;
    public void WriteWarning(string message) { }
    public void WriteVerbose(string message) { }
    public void WriteError(LogoutError error) => Errors++;
    public void WriteProgress(ProgressUpdate update) { }
}
