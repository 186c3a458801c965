using System.Text.Json.Nodes;
using LogoutModule.Core.Codex;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Codex;

/// <summary>Every case of fixtures/codex-cli-cases.json: our status and logout say what codex 0.169.0 says.</summary>
public sealed class CodexCliCaseTests
{
    public static IEnumerable<object[]> StatusCases => CodexState.CaseNames("login_status");
    public static IEnumerable<object[]> LogoutCases => CodexState.CaseNames("logout");

    [Theory]
    [MemberData(nameof(StatusCases))]
    public void Status_matches_codex_login_status(string name)
    {
        var testCase = CodexState.Case("login_status", name);
        using var state = new CodexState();
        state.Arrange(testCase);
        var host = new FakeHost();

        GetCodexAuthStatusOperation.Invoke(state.Context(), new GetCodexAuthStatusRequest { CodexHome = state.Home }, host);

        string text;
        int exit;
        if (host.OutputOf<CodexAuthStatus>().SingleOrDefault() is { } status)
        {
            (text, exit) = (status.Message + "\n", status.ExitCode);
            Assert.Equal(exit == 0, status.LoggedIn);
        }
        else // a config codex rejects: only the error, which -ErrorAction governs
        {
            (text, exit) = (Assert.Single(host.Errors).Message + "\n", 1);
        }

        Assert.Equal((int)testCase["exit"]!, exit);
        if (testCase["stderr"] is { } exact && !name.StartsWith("malformed JSON", StringComparison.Ordinal))
            Assert.Equal(((string)exact!).Replace("<CODEX_HOME>", state.Home), text);
        else // serde's parser detail after the prefix differs from System.Text.Json's
            Assert.StartsWith(Prefix(testCase), text);
    }

    [Theory]
    [MemberData(nameof(LogoutCases))]
    public void Logout_matches_codex_logout(string name)
    {
        var testCase = CodexState.Case("logout", name);
        using var state = new CodexState();
        using var server = new LoopbackServer((int?)testCase["revoke_response_status"] ?? 200);
        state.Arrange(testCase);
        state.SetVariable("CODEX_REVOKE_TOKEN_URL_OVERRIDE", server.BaseUrl + "/oauth/revoke");
        var host = new FakeHost();

        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home, Force = true }, host);

        var result = Assert.Single(host.OutputOf<CodexLogoutResult>());
        Assert.Equal((string)testCase["stderr"]!, result.Message + "\n");
        Assert.Equal((int)testCase["exit"]!, result.ExitCode);
        if (testCase["revoke_body_file"] is { } bodyFile)
        {
            var request = Assert.Single(server.Requests);
            Assert.Equal("POST", request.Method);
            Assert.Equal("/oauth/revoke", request.Path);
            Assert.Equal("codex_cli_rs", request.Headers["originator"]);
            Assert.Equal("application/json", request.Headers["Content-Type"]);
            Assert.Equal(File.ReadAllBytes(CodexState.Fixture((string)bodyFile!)), request.Body);
            Assert.Equal(testCase["revoke_response_status"] is null, result.TokenRevoked);
        }
        else
        {
            Assert.Empty(server.Requests);
        }
        if ((string?)testCase["auth_json_after"] == "deleted") Assert.False(File.Exists(state.AuthFile));
        if (testCase["config_toml_after_module"] is { } expected)
            Assert.Equal(File.ReadAllBytes(CodexState.Fixture((string)expected!)), File.ReadAllBytes(state.ConfigFile));
        if (result.ExitCode != 0) Assert.NotEmpty(host.Errors);
        Assert.True(File.Exists(Path.Combine(state.Home, "auth.lock")) == (testCase["auth_json"] is not null || testCase["auth_json_file"] is not null
            || testCase["auth_json_raw"] is not null || testCase["auth_json_is_directory"] is not null), "locks are taken only to delete, and kept");
    }

    private static string Prefix(JsonObject testCase) => (string?)testCase["stderr_prefix"]
        ?? "Error checking login status: failed to deserialize CLI auth from file: ";
}
