using LogoutModule.Core.Shared;
using System.Text.Json.Nodes;

namespace LogoutModule.Tests.Support;

/// <summary>
/// The real Salesforce CLI and @salesforce/core, as installed by .ci/install-peers.sh: builds sf homes with
/// tests/Interop/salesforce/make-sf-home.js and runs `sf` on them, offline, with the generic keychain.
/// </summary>
public static class RealSf
{
    public const string SfVariable = "LOGOUT_SF";
    public const string NodeVariable = "LOGOUT_NODE22";
    public const string CoreVariable = "LOGOUT_SF_CORE_DIR";

    /// <summary>Builds the varied fixture home in <paramref name="home"/>; returns make-sf-home.js's JSON summary.</summary>
    public static JsonObject MakeHome(string home)
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "Interop", "salesforce", "make-sf-home.js");
        var result = Run(Peers.Variable(NodeVariable), new[] { script, home }, RepoPaths.Root, home,
            new Dictionary<string, string> { [CoreVariable] = Peers.Variable(CoreVariable) });
        if (result.ExitCode != 0) throw new InvalidOperationException($"make-sf-home.js failed ({result.ExitCode}): {result.StandardError}");
        return (JsonObject)JsonNode.Parse(result.StandardOutput)!;
    }

    /// <summary>Runs `sf args… --json` with HOME=<paramref name="home"/> in <paramref name="workingDirectory"/>; returns the parsed JSON.</summary>
    public static JsonObject Json(string home, string workingDirectory, params string[] arguments)
    {
        var result = Run(Peers.Variable(SfVariable), arguments.Append("--json").ToArray(), workingDirectory, home);
        try
        {
            return (JsonObject)JsonNode.Parse(result.StandardOutput)!;
        }
        catch (System.Text.Json.JsonException)
        {
            throw new InvalidOperationException($"sf {string.Join(" ", arguments)} printed no JSON (exit {result.ExitCode}): {result.StandardError}");
        }
    }

    public static CliWrap.Buffered.BufferedCommandResult Run(string fileName, string[] arguments, string workingDirectory, string home, IDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["USERPROFILE"] = home,
            ["SF_USE_GENERIC_UNIX_KEYCHAIN"] = "true",
        };
        // The caller's own defaults must not leak into a comparison.
        foreach (var name in new[] { "SF_TARGET_ORG", "SF_TARGET_DEV_HUB", "SFDX_DEFAULTUSERNAME", "SF_DEFAULTUSERNAME", "SFDX_DEFAULTDEVHUBUSERNAME" })
            environment[name] = null;
        if (extra is not null) foreach (var pair in extra) environment[pair.Key] = pair.Value;
        return Programs.Run(fileName, arguments, timeout: TimeSpan.FromSeconds(120), workingDirectory: workingDirectory, environment: environment);
    }
}
