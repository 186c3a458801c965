using System.Management.Automation;
using LogoutModule.Core.Shared;

namespace LogoutModule.Commands.Internal;

/// <summary>
/// Shared shell of every cmdlet: gives the core a host adapter and turns a core failure into a
/// terminating error with a stable id, so no exception ever escapes past -ErrorAction.
/// </summary>
public abstract class LogoutCommandBase : PSCmdlet
{
    // Never disposed: StopProcessing may run on another thread at any moment, and a token source without timers
    // holds nothing that needs releasing.
    private readonly CancellationTokenSource _stopping = new();
    private PowerShellHost? _host;

    internal IHostInteraction Interaction => _host ??= new PowerShellHost(this, _stopping.Token);

    /// <summary>The current PowerShell FileSystem location, which sf and codex resolve projects from.</summary>
    internal string CurrentDirectory => SessionState.Path.CurrentFileSystemLocation.ProviderPath;

    /// <summary>A folder parameter (-CodexHome, -HomePath) resolved against the PowerShell location (null stays null).</summary>
    internal string? ResolvedPath(string? path)
        => path is null ? null : GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>
    /// -Force, or -Confirm:$false: either way the user has said not to be asked, so no ShouldContinue prompt follows
    /// ShouldProcess (which -Confirm:$false already answers).
    /// </summary>
    protected bool NoPrompt(SwitchParameter force)
        => force.IsPresent || (MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && confirm is SwitchParameter { IsPresent: false });

    /// <summary>-WhatIf, given or inherited from $WhatIfPreference, as ShouldProcess will read it.</summary>
    protected bool WhatIfRequested
        => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
            ? whatIf is SwitchParameter { IsPresent: true }
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    /// <summary>Ctrl+C or PowerShell.Stop(): cancels the network call or wait in progress (PowerShell calls this on another thread).</summary>
    protected override void StopProcessing() => _stopping.Cancel();

    protected void Run(Action action)
    {
        try
        {
            action();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception e) when (!IsPowerShellFlowControl(e))
        {
            var error = LogoutException.FromUnexpected(e);
            ThrowTerminatingError(new ErrorRecord(error, error.ErrorId, ErrorRecords.ToCategory(error.Kind), error.TargetObject));
        }
    }

    /// <summary>
    /// PowerShell's own stops (Ctrl+C, -ErrorAction Stop on a WriteError, a terminating error raised while writing,
    /// exit) pass through a host call into the core and must reach PowerShell unchanged.
    /// </summary>
    private static bool IsPowerShellFlowControl(Exception e) => e is RuntimeException or HaltCommandException or FlowControlException;
}
