using System.Text.Json.Nodes;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;

namespace LogoutModule.Tests.Support;

/// <summary>
/// A Salesforce CLI home folder in a temp folder: a copy of the shared fixture (12 orgs, project, key.json 600)
/// or an empty one, plus helpers to add orgs in sf's own format.
/// </summary>
public sealed class SfHome : IDisposable
{
    public const string FixtureKey = "318e996a75f0e9e089efd19fb7f596b6";

    private readonly TempDirectory _temp = new();

    private SfHome() { }

    public string Home => _temp.Combine("home");
    public string Sfdx => Path.Combine(Home, ".sfdx");
    public string Project => Path.Combine(Home, "project");
    public Dictionary<string, string?> Environment { get; } = new() { ["SF_USE_GENERIC_UNIX_KEYCHAIN"] = "true" };

    /// <summary>A copy of ../shared/reference/fixtures/sf-home.</summary>
    public static SfHome FromFixture()
    {
        var home = new SfHome();
        RepoPaths.CopyTree(Path.Combine(RepoPaths.Fixtures, "sf-home"), home.Home);
        File.SetUnixFileMode(Path.Combine(home.Sfdx, "key.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return home;
    }

    /// <summary>An empty home folder: no .sfdx at all (nor the home folder itself until a context or a file needs it).</summary>
    public static SfHome Empty() => new() { };

    /// <summary>
    /// The core's view of this home: run from <paramref name="currentDirectory"/> (default: the home) at
    /// <paramref name="now"/> (default: the fixture's fixed date) with <see cref="Environment"/>, plus
    /// <paramref name="variables"/> for this context only.
    /// </summary>
    public SalesforceContext Context(string? currentDirectory = null, DateTimeOffset? now = null, IReadOnlyDictionary<string, string>? variables = null)
    {
        Directory.CreateDirectory(Home);
        var environment = new Dictionary<string, string?>(Environment);
        if (variables is not null) foreach (var (name, value) in variables) environment[name] = value;
        return new SalesforceContext(Home, currentDirectory ?? Home, name => environment.TryGetValue(name, out var value) ? value : null,
            now ?? new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero), HostPlatform.Linux);
    }

    public string AuthFilePath(string username) => Path.Combine(Sfdx, username + ".json");

    public JsonObject ReadJson(string path) => (JsonObject)JsJson.Parse(File.ReadAllText(path))!;

    /// <summary>Writes an auth file as @salesforce/core does: 2-space JSON, no trailing newline, secrets encrypted.</summary>
    public string WriteAuthFile(string username, JsonObject fields, string key = FixtureKey)
    {
        var counter = 0;
        JsonObject Encrypt(JsonObject source)
        {
            var copy = new JsonObject();
            foreach (var pair in source)
            {
                if (pair.Value is JsonObject nested) copy[pair.Key] = Encrypt(nested);
                else if (Crypto.IsSecretProperty(pair.Key) && JsJson.AsString(pair.Value) is { } plain)
                    copy[pair.Key] = SfFixtureCrypto.Encrypt(key, plain, key.Length == 32 ? $"{++counter:x12}" : $"{++counter:x24}");
                else copy[pair.Key] = pair.Value?.DeepClone();
            }
            return copy;
        }
        var json = Encrypt(fields);
        json["username"] = username;
        Directory.CreateDirectory(Sfdx);
        var path = AuthFilePath(username);
        File.WriteAllText(path, JsJson.Stringify(json, 2));
        return path;
    }

    public void WriteKey(string key = FixtureKey)
    {
        Directory.CreateDirectory(Sfdx);
        var path = Path.Combine(Sfdx, "key.json");
        File.WriteAllText(path, "{\n    \"account\": \"local\",\n    \"key\": \"" + key + "\",\n    \"service\": \"sfdx\"\n}");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public void WriteAliases(params (string Alias, string Username)[] aliases)
    {
        var orgs = new JsonObject();
        foreach (var (alias, username) in aliases) orgs[alias] = username;
        Directory.CreateDirectory(Sfdx);
        File.WriteAllText(Path.Combine(Sfdx, "alias.json"), JsJson.Stringify(new JsonObject { ["orgs"] = orgs }));
    }

    /// <summary>Every plaintext secret in the home's auth files, decrypted with its key: none may ever be printed.</summary>
    public IReadOnlyList<string> DecryptedSecrets(string key = FixtureKey)
    {
        var crypto = new Crypto(key);
        return Directory.EnumerateFiles(Sfdx, "*.json")
            .Where(path => OrgReader.IsAuthFileName(Path.GetFileName(path)))
            .SelectMany(path => SecretValues(ReadJson(path)))
            .Select(secret => TryDecrypt(crypto, secret))
            .Concat(Directory.EnumerateFiles(Sfdx, "*.json").SelectMany(path => SecretValues(ReadJson(path))))
            .Where(value => value.Length >= 8)
            .Distinct()
            .ToList();
    }

    /// <summary>Every string value that sf encrypts (Crypto.IsSecretProperty names), at any depth.</summary>
    private static IEnumerable<string> SecretValues(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(pair => (Crypto.IsSecretProperty(pair.Key) && JsJson.AsString(pair.Value) is { } text ? new[] { text } : Array.Empty<string>())
            .Concat(SecretValues(pair.Value))),
        JsonArray array => array.SelectMany(SecretValues),
        _ => Array.Empty<string>(),
    };

    private static string TryDecrypt(Crypto crypto, string value)
    {
        if (!crypto.LooksEncrypted(value)) return value;
        try { return crypto.Decrypt(value); }
        catch (System.Security.Cryptography.CryptographicException) { return value; }
    }

    public void Dispose() => _temp.Dispose();
}
