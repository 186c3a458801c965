using System.Management.Automation;
using LogoutModule.Commands.Internal;
using LogoutModule.Core.Codex;

namespace LogoutModule.Commands;

/// <summary>
/// Reports whether the OpenAI Codex CLI is logged in, as `codex login status` does, from codex's own files.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CodexAuthStatus",
    HelpUri = "https://github.com/openai/codex/blob/main/docs/authentication.md")]
[OutputType(typeof(CodexAuthStatus))]
public sealed class GetCodexAuthStatusCommand : CodexCommandBase
{
    protected override void ProcessRecord()
        => Run(() => GetCodexAuthStatusOperation.Invoke(Context(), new GetCodexAuthStatusRequest { CodexHome = ResolvedPath(CodexHome) }, Interaction));
}
