using System.Diagnostics;
using LogoutModule.Core.Codex;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Interop;

/// <summary>
/// Against the real codex 0.169.0 (LOGOUT_CODEX): it logs in, we remove, it agrees it is logged out; our status equals its
/// `codex login status`; both send the same revocation body to a loopback server; and the Linux keyring path against a real
/// Secret Service (gnome-keyring in a private D-Bus session). No network other than 127.0.0.1.
/// </summary>
[Collection("codex interop")]
public sealed class CodexInteropTests
{
    private static (string Stderr, int Exit) Codex(CodexState state, string arguments, string? stdin = null, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?> { ["CODEX_HOME"] = state.Home, ["OPENAI_API_KEY"] = null, ["CODEX_API_KEY"] = null };
        foreach (var pair in extra ?? new Dictionary<string, string?>()) environment[pair.Key] = pair.Value;
        var result = Programs.Run(Peers.Variable("LOGOUT_CODEX"), arguments.Split(' '), stdin, TimeSpan.FromSeconds(60), environment: environment);
        // Under /tmp codex first warns that it cannot create PATH aliases; that line is cosmetic.
        var lines = result.StandardError.Split('\n').Where(l => !l.StartsWith("WARNING: proceeding", StringComparison.Ordinal));
        return (string.Join("\n", lines).TrimEnd('\n'), result.ExitCode);
    }

    private static CodexAuthStatus OurStatus(CodexState state, ICodexKeyring? keyring = null)
    {
        var host = new FakeHost();
        GetCodexAuthStatusOperation.Invoke(state.Context(keyring), new GetCodexAuthStatusRequest { CodexHome = state.Home }, host);
        return host.OutputOf<CodexAuthStatus>().Single();
    }

    private static void AssertSameStatus(CodexState state, ICodexKeyring? keyring = null, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var (stderr, exit) = Codex(state, "login status", extra: extra);
        var ours = OurStatus(state, keyring);
        Assert.Equal(stderr, ours.Message);
        Assert.Equal(exit, ours.ExitCode);
    }

    [InteropFact("LOGOUT_CODEX")]
    public void Api_key_login_by_codex_is_reported_alike_and_removed_so_codex_says_not_logged_in()
    {
        using var state = new CodexState();
        File.Copy(CodexState.Fixture("codex-config-auth_token.toml"), state.ConfigFile);
        Assert.Equal(0, Codex(state, "login --with-api-key", "sk-interop-0123456789ABCDEF").Exit);
        AssertSameStatus(state);

        var host = new FakeHost();
        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home, Force = true }, host);

        Assert.Equal("Successfully logged out", host.OutputOf<CodexLogoutResult>().Single().Message);
        Assert.Equal(("Not logged in", 1), Codex(state, "login status"));
        AssertSameStatus(state);
        Assert.Equal(File.ReadAllBytes(CodexState.Fixture("codex-config-auth_token.expected.toml")), File.ReadAllBytes(state.ConfigFile));
        Assert.Equal(("Not logged in", 0), Codex(state, "logout"));
    }

    [InteropFact("LOGOUT_CODEX")]
    public void ChatGpt_login_status_and_revocation_match_codex_byte_for_byte()
    {
        foreach (var (refreshToken, bodyFile) in new[] { ((string?)null, "codex-revoke-body-refresh-token.json"), ("", "codex-revoke-body-access-token.json") })
        {
            using var server = new LoopbackServer();
            var overrides = new Dictionary<string, string?> { ["CODEX_REVOKE_TOKEN_URL_OVERRIDE"] = server.BaseUrl + "/oauth/revoke" };
            var auth = File.ReadAllText(CodexState.Fixture("codex-auth-chatgpt.json"));
            if (refreshToken is not null) auth = auth.Replace("\"rt_fake_refresh_token_0123456789\"", "\"\"", StringComparison.Ordinal);

            using var theirs = new CodexState();
            theirs.WriteAuth(auth);
            AssertSameStatus(theirs);
            Assert.Equal(("Successfully logged out", 0), Codex(theirs, "logout", extra: overrides));

            using var ours = new CodexState();
            ours.WriteAuth(auth);
            ours.SetVariable("CODEX_REVOKE_TOKEN_URL_OVERRIDE", server.BaseUrl + "/oauth/revoke");
            var host = new FakeHost();
            RemoveCodexTokenOperation.Invoke(ours.Context(), new RemoveCodexTokenRequest { CodexHome = ours.Home, Force = true }, host);
            Assert.True(host.OutputOf<CodexLogoutResult>().Single().TokenRevoked);
            Assert.Equal(("Not logged in", 1), Codex(ours, "login status"));

            Assert.Equal(2, server.Requests.Count);
            var expected = File.ReadAllBytes(CodexState.Fixture(bodyFile));
            Assert.All(server.Requests, r => Assert.Equal(expected, r.Body));
            Assert.Equal(server.Requests[0].Headers["originator"], server.Requests[1].Headers["originator"]);
        }
    }

    [InteropFact("LOGOUT_CODEX")]
    public void Fixture_states_codex_and_we_agree_on()
    {
        using var state = new CodexState();
        AssertSameStatus(state);
        state.WriteAuth("{ this is not json");
        Assert.Equal(1, OurStatus(state).ExitCode);
        Assert.StartsWith("Error checking login status: failed to deserialize CLI auth from file: ", Codex(state, "login status").Stderr);
        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home, Force = true }, new FakeHost());
        Assert.Equal(("Not logged in", 1), Codex(state, "login status"));
        File.WriteAllText(state.ConfigFile, "forced_login_method = \"api\"\n");
        state.WriteAuth(File.ReadAllText(CodexState.Fixture("codex-auth-chatgpt.json")));
        AssertSameStatus(state);
    }

    [InteropFact("LOGOUT_CODEX")]
    public void Keyring_login_by_codex_is_removed_from_a_real_Secret_Service()
    {
        using var session = PrivateSecretService.Start();
        using var state = new CodexState();
        File.WriteAllText(state.ConfigFile, "cli_auth_credentials_store = \"keyring\"\n");
        var bus = new Dictionary<string, string?> { ["DBUS_SESSION_BUS_ADDRESS"] = session.Address };
        var keyring = new SecretServiceKeyring(environment: bus);
        var login = Codex(state, "login --with-api-key", "sk-keyring-0123456789ABCDEF", bus);
        Assert.True(login.Exit == 0, login.Stderr);
        Assert.False(File.Exists(state.AuthFile));
        Assert.Equal(File.ReadAllText(CodexState.Fixture("codex-keyring-secret-apikey.json")), keyring.Read("Codex Auth", CodexHome.KeyringAccount(state.Home)));
        AssertSameStatus(state, keyring, bus);

        var host = new FakeHost();
        RemoveCodexTokenOperation.Invoke(state.Context(keyring), new RemoveCodexTokenRequest { CodexHome = state.Home, Force = true }, host);

        var result = host.OutputOf<CodexLogoutResult>().Single();
        Assert.True(result.KeyringEntryRemoved);
        Assert.Equal("Successfully logged out", result.Message);
        Assert.Equal(("Not logged in", 1), Codex(state, "login status", extra: bus));
        Assert.Null(keyring.Read("Codex Auth", CodexHome.KeyringAccount(state.Home)));
    }

    [InteropFact("LOGOUT_CODEX")]
    public void An_unreachable_Secret_Service_is_an_error_and_the_keyring_entry_is_named_as_remaining()
    {
        using var state = new CodexState();
        File.WriteAllText(state.ConfigFile, "cli_auth_credentials_store = \"keyring\"\n");
        var keyring = new SecretServiceKeyring(environment: new Dictionary<string, string?> { ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent-bus", ["DISPLAY"] = null });
        var host = new FakeHost();
        RemoveCodexTokenOperation.Invoke(state.Context(keyring), new RemoveCodexTokenRequest { CodexHome = state.Home, Force = true }, host);
        var result = host.OutputOf<CodexLogoutResult>().Single();
        Assert.Equal(1, result.ExitCode);
        Assert.NotEmpty(result.Remaining);
        Assert.Equal("CodexKeyringUnavailable", Assert.Single(host.Errors).ErrorId);
    }
}
