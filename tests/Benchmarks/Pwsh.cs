using System.Text.Json.Nodes;

namespace LogoutModule.Benchmarks;

/// <summary>The repo's pwsh (the dotnet tool), started fresh per scenario of Cmdlets.ps1.</summary>
public sealed class Pwsh
{
    private readonly string _dll;
    private readonly string _repo;
    private readonly string _script;
    private readonly string _module;

    private Pwsh(string dll, string repo, string module)
    {
        _dll = dll;
        _repo = repo;
        _script = Path.Combine(AppContext.BaseDirectory, "Cmdlets.ps1");
        _module = module;
        Version = "";
    }

    public string Version { get; private init; }

    /// <summary>
    /// Finds pwsh.dll (to run with the module manifest <paramref name="module"/>) through `dotnet pwsh` once (the tool manifest in .config/), so each measured run starts
    /// `dotnet pwsh.dll` directly, without the tool lookup.
    /// </summary>
    public static Pwsh Locate(string repo, string module)
    {
        var run = ProcessTimer.Run("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", "$PSHOME; $PSVersionTable.PSVersion.ToString()"],
            TimeSpan.FromMinutes(3), repo);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (run.ExitCode != 0 || lines.Length < 2) throw new InvalidOperationException("dotnet pwsh did not start; run `dotnet tool restore` first.\n" + run.Error);
        return new Pwsh(Path.Combine(lines[0], "pwsh.dll"), repo, module) { Version = lines[1] };
    }

    /// <summary>Runs one scenario in a fresh pwsh; returns its RESULT object and the whole process's wall time.</summary>
    public (JsonObject Result, double WallMs) Run(string scenario, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var run = ProcessTimer.Run("dotnet", [_dll, "-NoProfile", "-NonInteractive", "-File", _script, "-Scenario", scenario, "-Module", _module, .. arguments],
            timeout, _repo, new Dictionary<string, string?> { ["NO_COLOR"] = "1", ["SF_USE_GENERIC_UNIX_KEYCHAIN"] = "true" });
        var line = run.Output.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (run.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"pwsh scenario {scenario} failed (exit {run.ExitCode}):\n{run.Error}\n{run.Output}");
        return ((JsonObject)JsonNode.Parse(line.Substring("RESULT ".Length))!, run.WallMs);
    }

    public static double Number(JsonNode? node) => node is null ? double.NaN : node.GetValue<double>();
}
