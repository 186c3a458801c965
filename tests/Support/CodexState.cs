using System.Text.Json.Nodes;
using LogoutModule.Core.Codex;
using LogoutModule.Core.Shared;

namespace LogoutModule.Tests.Support;

/// <summary>
/// A CODEX_HOME in a temp folder with a fake keyring and an empty system layer, plus the cases of
/// fixtures/codex-cli-cases.json written into it the way the fixture describes them.
/// </summary>
public sealed class CodexState : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly Dictionary<string, string> _environment = new();

    public CodexState()
    {
        Directory.CreateDirectory(_temp.Combine("codex-home-dir"));
        Home = CodexHome.Canonicalize(_temp.Combine("codex-home-dir"))!;
        SystemDirectory = _temp.Combine("etc-codex");
        Directory.CreateDirectory(SystemDirectory);
    }

    public string Home { get; }
    public string SystemDirectory { get; }
    public FakeKeyring Keyring { get; } = new();
    public string AuthFile => Path.Combine(Home, "auth.json");
    public string ConfigFile => Path.Combine(Home, "config.toml");
    public string TempPath => _temp.Path;

    public CodexContext Context(ICodexKeyring? keyring = null)
        => new(name => _environment.TryGetValue(name, out var v) ? v : null, _temp.Path, HostPlatform.Linux, SystemDirectory, keyring ?? Keyring);

    public void SetVariable(string name, string value) => _environment[name] = value;

    public static string Fixture(string name) => Path.Combine(RepoPaths.Fixtures, name);

    public static JsonObject Cases => (JsonObject)JsonNode.Parse(File.ReadAllText(Fixture("codex-cli-cases.json")))!;

    public static IEnumerable<object[]> CaseNames(string section)
        => Cases[section]!.AsArray().Select(c => new object[] { (string)c!["name"]! });

    public static JsonObject Case(string section, string name)
        => (JsonObject)Cases[section]!.AsArray().Single(c => (string)c!["name"]! == name)!;

    /// <summary>Writes auth.json, config.toml and the environment a fixture case describes.</summary>
    public void Arrange(JsonObject testCase)
    {
        if (testCase["auth_json_is_directory"] is not null) Directory.CreateDirectory(AuthFile);
        if (testCase["auth_json_raw"] is { } raw) WriteAuth((string)raw!);
        if (testCase["auth_json"] is JsonObject auth) WriteAuth(JsJson.Stringify(auth, 2));
        if (testCase["auth_json_file"] is { } file)
        {
            var record = JsJson.Parse(File.ReadAllText(Fixture((string)file!)))!.AsObject();
            foreach (var path in testCase["remove"]?.AsArray() ?? new JsonArray()) Navigate(record, (string)path!, out var last).Remove(last);
            foreach (var (path, value) in testCase["set"]?.AsObject() ?? new JsonObject())
                Navigate(record, path, out var last)[last] = value?.DeepClone();
            WriteAuth(JsJson.Stringify(record, 2));
        }
        if (testCase["config_toml"] is { } toml) File.WriteAllText(ConfigFile, (string)toml!);
        if (testCase["config_toml_file"] is { } tomlFile) File.Copy(Fixture((string)tomlFile!), ConfigFile);
        foreach (var (name, value) in testCase["env"]?.AsObject() ?? new JsonObject()) SetVariable(name, (string)value!);
    }

    public void WriteAuth(string json)
    {
        File.WriteAllText(AuthFile, json);
        File.SetUnixFileMode(AuthFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static JsonObject Navigate(JsonObject root, string dotted, out string last)
    {
        var parts = dotted.Split('.');
        last = parts[^1];
        return parts[..^1].Aggregate(root, (node, part) => node[part]!.AsObject());
    }

    public void Dispose() => _temp.Dispose();
}
