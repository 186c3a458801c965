using System.Management.Automation;
using LogoutModule.Commands.Internal;
using LogoutModule.Core.Codex;

namespace LogoutModule.Commands;

/// <summary>
/// Logs the OpenAI Codex CLI out as `codex logout` does, and removes a legacy auth_token from config.toml.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "CodexToken", SupportsShouldProcess = true,
    HelpUri = "https://github.com/openai/codex/blob/main/docs/authentication.md")]
[OutputType(typeof(CodexLogoutResult))]
public sealed class RemoveCodexTokenCommand : CodexCommandBase
{
    /// <summary>Do not revoke a ChatGPT token at OpenAI; only remove the local credentials.</summary>
    [Parameter]
    public SwitchParameter SkipRevoke { get; set; }

    /// <summary>Log out (and revoke a ChatGPT token) without asking "Are you sure", whatever the login type; -Confirm still asks.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
        => Run(() => RemoveCodexTokenOperation.Invoke(Context(),
            new RemoveCodexTokenRequest { CodexHome = ResolvedPath(CodexHome), SkipRevoke = SkipRevoke, Force = NoPrompt(Force) }, Interaction));
}
