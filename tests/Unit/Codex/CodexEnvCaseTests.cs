using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LogoutModule.Core.Codex;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Codex;

/// <summary>
/// Every case of codex-env-cases.json (credentials in the environment; CodexInteropTests checks each against codex
/// 0.169.0): Get-CodexAuthStatus says what `codex login status` says, and Remove-CodexToken names each credential
/// variable it cannot unset.
/// </summary>
public sealed class CodexEnvCaseTests
{
    [Theory]
    [MemberData(nameof(CodexEnvCases.Names), MemberType = typeof(CodexEnvCases))]
    public void Status_matches_codex_login_status(string name)
    {
        var testCase = CodexEnvCases.Case(name);
        using var state = new CodexState();
        using var key = RSA.Create(2048);
        CodexEnvCases.Arrange(state, testCase, key);
        var host = new FakeHost();

        GetCodexAuthStatusOperation.Invoke(state.Context(), new GetCodexAuthStatusRequest { CodexHome = state.Home }, host);

        var status = host.OutputOf<CodexAuthStatus>().SingleOrDefault();
        var (text, exit) = status is null ? (Assert.Single(host.Errors).Message + "\n", 1) : (status.Message + "\n", status.ExitCode);
        Assert.Equal((int)testCase["exit"]!, exit);
        if (testCase["stderr"] is { } exact) Assert.Equal((string)exact!, text);
        else Assert.StartsWith(((string)testCase["stderr_prefix"]!).Replace("<CODEX_HOME>", state.Home), text);
        if (status is null) return;

        Assert.Equal(exit == 0, status.LoggedIn);
        var tokenSet = testCase["access_token_claims"] is not null || !string.IsNullOrWhiteSpace((string?)testCase["env"]?["CODEX_ACCESS_TOKEN"]);
        var fromEnvironment = tokenSet && (string?)testCase["config_toml"] != "forced_login_method = \"api\"\n";
        Assert.Equal(fromEnvironment, status.Source == "environment variable CODEX_ACCESS_TOKEN");
        if (exit == 1 && fromEnvironment) Assert.Equal("CodexAccessTokenInvalid", Assert.Single(host.Errors).ErrorId);
        // A token codex accepts only after an online check is reported with a warning saying it was not checked.
        Assert.Equal(testCase["checked_online"] is not null, host.Warnings.Any(w => w.Contains("did not", StringComparison.Ordinal)));
        Assert.Equal(((string?)testCase["email"], (string?)testCase["plan"]), (status.Email, status.Plan));
    }

    [Theory]
    [MemberData(nameof(CodexEnvCases.Names), MemberType = typeof(CodexEnvCases))]
    public void Remove_CodexToken_warns_naming_each_credential_variable_it_cannot_unset(string name)
    {
        var testCase = CodexEnvCases.Case(name);
        using var state = new CodexState();
        using var key = RSA.Create(2048);
        CodexEnvCases.Arrange(state, testCase, key);
        var host = new FakeHost();

        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home, Force = true }, host);

        var configLoads = !((string?)testCase["stderr_prefix"] ?? "").StartsWith("Error loading configuration", StringComparison.Ordinal);
        var expected = new[] { "CODEX_ACCESS_TOKEN", "CODEX_API_KEY", "OPENAI_API_KEY" }.Where(v => configLoads
            && ((v == "CODEX_ACCESS_TOKEN" && testCase["access_token_claims"] is not null) || !string.IsNullOrWhiteSpace((string?)testCase["env"]?[v])));
        Assert.Equal(expected, host.Warnings.Select(w => w.Split(' ')[3]));
        Assert.All(host.Warnings, w => Assert.DoesNotContain("at-interop", w));
    }
}
