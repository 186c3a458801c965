namespace LogoutModule.Benchmarks;

/// <summary>
/// The real sf and codex the interop suites use (.ci/install-peers.sh): from LOGOUT_SF/LOGOUT_CODEX, or read from the
/// peers' env.sh when the caller did not source it. Either may be missing; its figures are then "not installed".
/// </summary>
public sealed class Peers
{
    public Dictionary<string, string?> Environment { get; } = new();
    public string? Sf { get; private init; }
    public string? SfVersion { get; private init; }
    public string? Codex { get; private init; }
    public string? CodexVersion { get; private init; }

    public static Peers Find()
    {
        var values = new Dictionary<string, string?>();
        var envFile = Path.Combine(System.Environment.GetEnvironmentVariable("LOGOUT_PEERS_DIR")
            ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".cache", "logoutmodule-peers"), "env.sh");
        if (File.Exists(envFile))
        {
            foreach (var line in File.ReadLines(envFile))
            {
                if (!line.StartsWith("export ", StringComparison.Ordinal) || line.IndexOf('=') is var equals && equals < 0) continue;
                values[line.Substring(7, equals - 7)] = line.Substring(equals + 1).Trim('"', '\'');
            }
        }
        string? Get(string name) => System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } set ? set : values.GetValueOrDefault(name);
        var peers = new Peers
        {
            Sf = Get("LOGOUT_SF") is { } sf && File.Exists(sf) ? sf : null,
            SfVersion = Get("LOGOUT_SF_VERSION"),
            Codex = Get("LOGOUT_CODEX") is { } codex && File.Exists(codex) ? codex : null,
            CodexVersion = Get("LOGOUT_CODEX_VERSION"),
        };
        // sf's own switches (telemetry, autoupdate, log file) as the interop suites set them.
        foreach (var pair in values.Where(p => p.Key.StartsWith("SF", StringComparison.Ordinal))) peers.Environment[pair.Key] = pair.Value;
        peers.Environment["SF_USE_GENERIC_UNIX_KEYCHAIN"] = "true";
        return peers;
    }
}
