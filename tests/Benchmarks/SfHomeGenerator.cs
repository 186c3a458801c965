using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;

namespace LogoutModule.Benchmarks;

/// <summary>
/// Writes a home folder of N orgs in sf's on-disk format, as @salesforce/core 9 writes it with a v1 key in
/// .sfdx/key.json (SF_USE_GENERIC_UNIX_KEYCHAIN): one auth file per org (2-space JSON, tokens AES-GCM encrypted with a
/// random 12-character iv, mode 600), alias.json with one alias per org (a second on every 7th), every 10th org a scratch
/// org of a dev hub, and target-org/target-dev-hub in both global config files.
/// </summary>
public static class SfHomeGenerator
{
    /// <summary>Writes the home; instanceUrl gives org i's instance URL (made-up hosts, or a loopback server).</summary>
    public static void Write(string home, int orgs, Func<int, string> instanceUrl)
    {
        var sfdx = Path.Combine(home, ".sfdx");
        Directory.CreateDirectory(sfdx);
        Directory.CreateDirectory(Path.Combine(home, ".sf"));
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        WritePrivate(Path.Combine(sfdx, "key.json"), "{\n    \"account\": \"local\",\n    \"key\": \"" + key + "\",\n    \"service\": \"sfdx\"\n}");
        string Encrypt(string plain) => SfFixtureCrypto.Encrypt(key, plain, Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant());

        var aliases = new JsonObject();
        for (var i = 0; i < orgs; i++)
        {
            var username = Username(i);
            var scratch = i % 10 == 9;
            var auth = new JsonObject
            {
                ["accessToken"] = Encrypt($"00D{i:D15}!AQ{RandomText(96)}"),
                ["instanceUrl"] = instanceUrl(i),
                ["orgId"] = $"00D{i:D12}EAA",
                ["username"] = username,
                ["loginUrl"] = scratch ? "https://test.salesforce.com" : "https://login.salesforce.com",
                ["refreshToken"] = Encrypt($"5Aep861{RandomText(80)}"),
                ["clientId"] = "PlatformCLI",
                ["isDevHub"] = i == 0,
                ["instanceApiVersion"] = "65.0",
                ["instanceApiVersionLastRetrieved"] = "11/21/2026, 10:00:00 AM",
                ["name"] = $"Bench Org {i}",
                ["instanceName"] = "NA224",
                ["namespacePrefix"] = null,
                ["isSandbox"] = false,
                ["isScratch"] = scratch,
                ["trailExpirationDate"] = null,
                ["orgEdition"] = scratch ? "Developer Edition" : "Enterprise Edition",
            };
            if (scratch)
            {
                auth["devHubUsername"] = Username(0);
                auth["created"] = "1763719200000";
                auth["expirationDate"] = i % 20 == 19 ? "2026-01-01" : "2027-01-01";
                auth["tracksSource"] = true;
            }
            WritePrivate(Path.Combine(sfdx, username + ".json"), JsJson.Stringify(auth, 2));
            aliases[$"a{i}"] = username;
            if (i % 7 == 0) aliases[$"team{i}"] = username;
        }
        File.WriteAllText(Path.Combine(sfdx, "alias.json"), JsJson.Stringify(new JsonObject { ["orgs"] = aliases }));
        File.WriteAllText(Path.Combine(home, ".sf", "config.json"), "{\n  \"target-org\": \"a1\",\n  \"target-dev-hub\": \"a0\"\n}");
        File.WriteAllText(Path.Combine(sfdx, "sfdx-config.json"), "{\n  \"defaultusername\": \"a1\",\n  \"defaultdevhubusername\": \"a0\"\n}");
    }

    /// <summary>Org i's username; also its auth file's name without ".json".</summary>
    public static string Username(int i) => $"user{i}@bench{i}.example.com";

    /// <summary>A made-up public instance host: it is only ever written to a file, never contacted.</summary>
    public static string MadeUpInstance(int i) => $"https://bench{i}.my.salesforce.example.invalid";

    private static string RandomText(int length) => Convert.ToHexString(RandomNumberGenerator.GetBytes((length + 1) / 2)).Substring(0, length);

    private static void WritePrivate(string path, string text)
    {
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
