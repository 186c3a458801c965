using System.Management.Automation;
using LogoutModule.Commands.Internal;
using LogoutModule.Core.Codex;

namespace LogoutModule.Commands;

/// <summary>
/// Logs the OpenAI Codex CLI out as `codex logout` does, and removes a legacy auth_token from config.toml.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "CodexToken", SupportsShouldProcess = true)]
[OutputType(typeof(CodexLogoutResult))]
public sealed class RemoveCodexTokenCommand : LogoutCommandBase
{
    /// <summary>The codex home folder; defaults to CODEX_HOME, else .codex in -HomePath or the current user's home.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? CodexHome { get; set; }

    /// <summary>The user's home folder whose .codex to use (default: the current user's); binds FullName, so folders can be piped in.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string? HomePath { get; set; }

    /// <summary>Do not revoke a ChatGPT token at OpenAI; only remove the local credentials.</summary>
    [Parameter]
    public SwitchParameter SkipRevoke { get; set; }

    /// <summary>Log out (and revoke a ChatGPT token) without asking "Are you sure", whatever the login type; -Confirm still asks.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
        => Run(() => RemoveCodexTokenOperation.Invoke(CodexContext.FromProcess(ResolvedPath(HomePath)),
            new RemoveCodexTokenOptions { CodexHome = ResolvedPath(CodexHome), SkipRevoke = SkipRevoke, Force = NoPrompt(Force) }, Interaction));
}
