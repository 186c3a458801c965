namespace LogoutModule.Core.Shared;

/// <summary>
/// Whether PowerShell was started with <c>-NonInteractive</c>: the console host still has a terminal then, but its
/// prompts must fail rather than wait, and no public API says so; its command line does. Read as pwsh and
/// powershell.exe read it: a leading <c>-</c>, <c>--</c> or <c>/</c>, any case, any unambiguous abbreviation from
/// <c>-noni</c> on; parameters end at <c>-Command</c>, <c>-File</c>, <c>-EncodedCommand</c> or <c>-CommandWithArgs</c>
/// (what follows belongs to the script).
/// </summary>
public static class NonInteractiveSwitch
{
    private static readonly HashSet<string> EndOfParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "c", "command", "f", "file", "e", "ec", "encodedcommand", "cwa", "commandwithargs",
    };

    /// <summary>Takes the process's command line (Environment.GetCommandLineArgs(), program first); true when it holds -NonInteractive.</summary>
    public static bool IsSet(IReadOnlyList<string> commandLine)
    {
        foreach (var argument in commandLine.Skip(1))
        {
            var key = argument.TrimStart('-', '/');
            if (key.Length == argument.Length) continue; // a value, such as -ExecutionPolicy's
            if (EndOfParameters.Contains(key)) return false;
            if (key.Length >= 4 && "noninteractive".StartsWith(key, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
