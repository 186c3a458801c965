using System.Management.Automation;
using LogoutModule.Core.Shared;

namespace LogoutModule.Commands.Internal;

/// <summary>
/// Shared shell of every cmdlet: gives the core a host adapter and turns a core failure into a
/// terminating error with a stable id, so no exception ever escapes past -ErrorAction.
/// </summary>
public abstract class LogoutCommandBase : PSCmdlet
{
    private PowerShellHost? _host;

    internal IHostInteraction Interaction => _host ??= new PowerShellHost(this);

    /// <summary>The current PowerShell FileSystem location, which sf and codex resolve projects from.</summary>
    internal string CurrentDirectory => SessionState.Path.CurrentFileSystemLocation.ProviderPath;

    /// <summary>A -CodexHome style path parameter resolved against the PowerShell location (null stays null).</summary>
    internal string? ResolvedCodexHome(string? path)
        => path is null ? null : GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>
    /// -Force, or -Confirm:$false: either way the user has said not to be asked, so no ShouldContinue prompt follows
    /// ShouldProcess (which -Confirm:$false already answers).
    /// </summary>
    protected bool NoPrompt(SwitchParameter force)
        => force.IsPresent || (MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && confirm is SwitchParameter { IsPresent: false });

    protected void Run(Action action)
    {
        try
        {
            action();
        }
        catch (LogoutException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, e.ErrorId, ErrorRecords.ToCategory(e.Kind), e.TargetObject));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "FileAccessFailed", ErrorCategory.WriteError, null));
        }
    }
}
