using System.Management.Automation;
using LogoutModule.Commands.Internal;
using LogoutModule.Core.Codex;

namespace LogoutModule.Commands;

/// <summary>
/// Reports whether the OpenAI Codex CLI is logged in, as `codex login status` does, from codex's own files.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CodexAuthStatus")]
[OutputType(typeof(CodexAuthStatus))]
public sealed class GetCodexAuthStatusCommand : LogoutCommandBase
{
    /// <summary>The codex home folder; defaults to CODEX_HOME, else ~/.codex.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? CodexHome { get; set; }

    protected override void ProcessRecord()
        => Run(() => GetCodexAuthStatusOperation.Invoke(CodexContext.FromProcess(), ResolvedCodexHome(CodexHome), Interaction));
}
