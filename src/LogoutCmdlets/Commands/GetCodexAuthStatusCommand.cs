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
    /// <summary>The codex home folder; defaults to CODEX_HOME, else .codex in -HomePath or the current user's home.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? CodexHome { get; set; }

    /// <summary>The user's home folder whose .codex to use (default: the current user's); binds FullName, so folders can be piped in.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string? HomePath { get; set; }

    protected override void ProcessRecord()
        => Run(() => GetCodexAuthStatusOperation.Invoke(CodexContext.FromProcess(ResolvedPath(HomePath)), ResolvedPath(CodexHome), Interaction));
}
