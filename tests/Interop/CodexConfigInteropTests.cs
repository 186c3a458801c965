using System.Security.Cryptography;
using System.Text;
using LogoutModule.Core.Codex;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Interop;

/// <summary>
/// Against the real codex 0.169.0 (LOGOUT_CODEX): config.toml as TOML 1.1 and credentials in the environment. Every
/// URL codex could contact is pointed at a LoopbackServer; nothing leaves 127.0.0.1.
/// </summary>
[Collection("codex interop")]
public sealed class CodexConfigInteropTests
{
    private static readonly string SuiteFolder = Path.Combine(RepoPaths.Shared, "toml-test", "tests");

    private const string AuthTokenLine = "auth_token = \"legacy\"\n";

    /// <summary>
    /// What TOML 1.1 added: the cases toml-test lists as valid for 1.1 but not for 1.0, and those it lists as invalid
    /// for 1.0 but not for 1.1. Plus the invalid configs the issue names.
    /// </summary>
    public static TheoryData<string> Toml11OnlyCases()
    {
        string[] List(string version, string prefix) => File.ReadLines(Path.Combine(SuiteFolder, $"files-toml-{version}"))
            .Where(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.EndsWith(".toml", StringComparison.Ordinal)).ToArray();
        return new(List("1.1.0", "valid/").Except(List("1.0.0", "valid/")).Concat(List("1.0.0", "invalid/").Except(List("1.1.0", "invalid/"))));
    }

    // The last flag: codex and Tomlyn point at the same column (for a table defined twice codex points at its name,
    // Tomlyn at the bracket before it).
    public static TheoryData<string, string, bool> InvalidConfigs() => new()
    {
        { "duplicate key", "model = \"o3\"\nmodel = \"o4\"\n", true },
        { "unterminated string", "model = \"o3\n", true },
        { "bad escape", "model = \"o\\q3\"\n", true },
        { "table defined twice", "[a]\nx = 1\n[a]\ny = 2\n", false },
    };

    /// <summary>Valid TOML that codex loads and Tomlyn 2.10.2 refuses (ConfigTomlTests pins the module's side).</summary>
    public static TheoryData<string, string> TomlynRefuses() => new()
    {
        { "8-digit fractional seconds", "t = 1979-05-27T00:32:00.99999999\n" },
        { "a literal U+FFFD", "s = \"\uFFFD\"\n" },
    };

    private static (string Stderr, int Exit) CodexLoginStatus(CodexState state, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["CODEX_HOME"] = state.Home, ["OPENAI_API_KEY"] = null, ["CODEX_API_KEY"] = null, ["CODEX_ACCESS_TOKEN"] = null,
        };
        foreach (var pair in extra ?? new Dictionary<string, string?>()) environment[pair.Key] = pair.Value;
        var result = Programs.Run(Peers.Variable("LOGOUT_CODEX"), ["login", "status"], null, TimeSpan.FromSeconds(60), environment: environment);
        var lines = result.StandardError.Split('\n').Where(l => !l.StartsWith("WARNING: proceeding", StringComparison.Ordinal));
        return (string.Join("\n", lines).TrimEnd('\n'), result.ExitCode);
    }

    private static (string Message, int Exit) OurStatus(CodexState state)
    {
        var host = new FakeHost();
        GetCodexAuthStatusOperation.Invoke(state.Context(), new GetCodexAuthStatusRequest { CodexHome = state.Home }, host);
        return host.OutputOf<CodexAuthStatus>().SingleOrDefault() is { } status ? (status.Message, status.ExitCode) : (Assert.Single(host.Errors).Message, 1);
    }

    private static bool ConfigRejected(string message) => message.StartsWith("Error loading configuration: ", StringComparison.Ordinal);

    /// <summary>Both load the config or both refuse it, with the same exit code; returns whether it loaded.</summary>
    private static bool AssertSameLoadOutcome(byte[] config)
    {
        using var state = new CodexState();
        File.WriteAllBytes(state.ConfigFile, config);
        var theirs = CodexLoginStatus(state);
        var ours = OurStatus(state);
        Assert.True(ConfigRejected(theirs.Stderr) == ConfigRejected(ours.Message), $"codex: {theirs.Stderr} | module: {ours.Message}");
        Assert.Equal(theirs.Exit, ours.Exit);
        return !ConfigRejected(ours.Message);
    }

    /// <summary>Remove-CodexToken on the config with an auth_token line in front: exactly the config's bytes remain.</summary>
    private static void AssertRemovalKeepsEveryOtherByte(byte[] config)
    {
        using var state = new CodexState();
        var bom = config.Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }) ? 3 : 0;
        File.WriteAllBytes(state.ConfigFile, config.Take(bom).Concat(Encoding.UTF8.GetBytes(AuthTokenLine)).Concat(config.Skip(bom)).ToArray());
        var host = new FakeHost();

        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home, Force = true }, host);

        Assert.Empty(host.Errors);
        Assert.True(host.OutputOf<CodexLogoutResult>().Single().LegacyAuthTokenRemoved);
        Assert.Equal(config, File.ReadAllBytes(state.ConfigFile));
        Assert.False(ConfigRejected(CodexLoginStatus(state).Stderr));
    }

    [InteropTheory("LOGOUT_CODEX")]
    [MemberData(nameof(Toml11OnlyCases))]
    public void A_TOML_1_1_only_case_loads_or_fails_alike_and_loses_only_an_auth_token_line(string relativePath)
    {
        var config = File.ReadAllBytes(Path.Combine(SuiteFolder, relativePath));
        if (AssertSameLoadOutcome(config)) AssertRemovalKeepsEveryOtherByte(config);
    }

    [InteropTheory("LOGOUT_CODEX")]
    [MemberData(nameof(InvalidConfigs))]
    public void An_invalid_config_is_refused_alike_naming_the_same_position(string name, string config, bool sameColumn)
    {
        using var state = new CodexState();
        File.WriteAllText(state.ConfigFile, AuthTokenLine + config);
        var theirs = CodexLoginStatus(state);
        var ours = OurStatus(state);
        var host = new FakeHost();
        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home, Force = true }, host);

        Assert.Equal(1, theirs.Exit);
        Assert.Equal(1, ours.Exit);
        var position = $"Error loading configuration: {state.ConfigFile}:";
        Assert.StartsWith(position, theirs.Stderr);
        Assert.StartsWith(position, ours.Message);
        static string Position(string message, bool withColumn) => string.Join(":", message.Split(' ')[3].Split(':').Take(withColumn ? 3 : 2));
        Assert.True(Position(theirs.Stderr, sameColumn) == Position(ours.Message, sameColumn), $"{name}: codex: {theirs.Stderr} | module: {ours.Message}");
        Assert.Equal("CodexConfigInvalid", Assert.Single(host.Errors).ErrorId);
        Assert.Equal(AuthTokenLine + config, File.ReadAllText(state.ConfigFile));
    }

    [InteropTheory("LOGOUT_CODEX")]
    [MemberData(nameof(TomlynRefuses))]
    public void Valid_toml_Tomlyn_refuses_is_loaded_by_codex_and_refused_by_the_module(string name, string config)
    {
        using var state = new CodexState();
        File.WriteAllText(state.ConfigFile, config);

        Assert.Equal(("Not logged in", 1), CodexLoginStatus(state));
        Assert.True(ConfigRejected(OurStatus(state).Message), $"{name}: the divergence is gone; drop this pin and ConfigTomlTests'");
    }

    [InteropFact("LOGOUT_CODEX")]
    public void Nesting_codex_allows_the_module_allows_and_one_level_deeper_both_refuse()
    {
        static byte[] Nested(int depth) => Encoding.UTF8.GetBytes("a = " + new string('[', depth) + new string(']', depth) + "\n");

        Assert.True(AssertSameLoadOutcome(Nested(80)));
        Assert.False(AssertSameLoadOutcome(Nested(81)));
    }

    [InteropTheory("LOGOUT_CODEX")]
    [MemberData(nameof(CodexEnvCases.Names), MemberType = typeof(CodexEnvCases))]
    public void An_environment_credential_case_is_what_codex_reports(string name)
    {
        var testCase = CodexEnvCases.Case(name);
        using var key = RSA.Create(2048);
        var jwks = AgentIdentityJwt.Jwks(key);
        using var server = new LoopbackServer(request => request.Path switch
        {
            "/agent-identities/jwks" => new LoopbackResponse(200, jwks, Json),
            "/v1/user-auth-credential/whoami" => new LoopbackResponse(200,
                "{\"email\":\"pat@example.com\",\"chatgpt_user_id\":\"user-interop\",\"chatgpt_account_id\":\"acc-interop\",\"chatgpt_plan_type\":\"plus\",\"chatgpt_account_is_fedramp\":false}", Json),
            _ when request.Method == "POST" && request.Path.EndsWith("/task/register", StringComparison.Ordinal) => new LoopbackResponse(200, "{\"task_id\":\"task-interop\"}", Json),
            _ => new LoopbackResponse(404),
        });
        using var state = new CodexState();
        CodexEnvCases.Arrange(state, testCase, key);
        var environment = new Dictionary<string, string?>
        {
            ["CODEX_AGENT_IDENTITY_JWKS_BASE_URL"] = server.BaseUrl,
            ["CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL"] = server.BaseUrl,
            ["CODEX_AUTHAPI_BASE_URL"] = server.BaseUrl,
        };
        foreach (var variable in new[] { "CODEX_ACCESS_TOKEN", "CODEX_API_KEY", "OPENAI_API_KEY" })
        {
            if (state.Context().Environment(variable) is { } value) environment[variable] = value;
        }

        var (stderr, exit) = CodexLoginStatus(state, environment);

        Assert.Equal((int)testCase["exit"]!, exit);
        if (testCase["stderr"] is { } exact) Assert.Equal((string)exact!, stderr + "\n");
        else Assert.StartsWith(((string)testCase["stderr_prefix"]!).Replace("<CODEX_HOME>", state.Home), stderr);
        Assert.Equal(testCase["checked_online"] is not null, server.Requests.Count > 0);
        Assert.Equal(exit, OurStatus(state).Exit);
    }

    private static readonly IReadOnlyDictionary<string, string> Json = new Dictionary<string, string> { ["Content-Type"] = "application/json" };
}
