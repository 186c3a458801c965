using System.Management.Automation;
using LogoutModule.Core.Codex;

namespace LogoutModule.Commands.Internal;

/// <summary>Which codex home a codex cmdlet works on: -CodexHome, else CODEX_HOME, else .codex in -HomePath or the user's home.</summary>
public abstract class CodexCommandBase : LogoutCommandBase
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

    /// <summary>The codex context of -HomePath (or this process's user).</summary>
    internal CodexContext Context() => CodexContext.FromProcess(ResolvedPath(HomePath));
}
