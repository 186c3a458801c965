using System.Diagnostics;
using LogoutModule.Core.Codex;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Codex;

/// <summary>Remove-CodexToken and Get-CodexAuthStatus beyond the fixture cases: stores, prompts, locks, config.toml bytes, secrecy.</summary>
public sealed class RemoveCodexTokenTests
{
    private const string KeyringSecret = "{\"auth_mode\":\"apikey\",\"OPENAI_API_KEY\":\"sk-keyring-0123456789ABCDEF\"}";
    private static string ChatGptAuth => File.ReadAllText(CodexState.Fixture("codex-auth-chatgpt.json"));

    private static CodexLogoutResult Remove(CodexState state, FakeHost host, bool force = true, bool skipRevoke = false)
    {
        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home, Force = force, SkipRevoke = skipRevoke }, host);
        return host.OutputOf<CodexLogoutResult>().Single();
    }

    private static CodexAuthStatus Status(CodexState state, FakeHost? host = null)
    {
        host ??= new FakeHost();
        GetCodexAuthStatusOperation.Invoke(state.Context(), new GetCodexAuthStatusRequest { CodexHome = state.Home }, host);
        return host.OutputOf<CodexAuthStatus>().Single();
    }

    [Theory]
    [InlineData("keyring")]
    [InlineData("auto")]
    public void Keyring_modes_delete_the_keyring_entry_and_auth_json(string mode)
    {
        using var state = new CodexState();
        File.WriteAllText(state.ConfigFile, $"cli_auth_credentials_store = \"{mode}\"\n");
        state.Keyring.Entries[("Codex Auth", CodexHome.KeyringAccount(state.Home))] = KeyringSecret;
        state.WriteAuth("{\"OPENAI_API_KEY\":\"sk-file-0123456789ABCDEF\"}");
        Assert.Equal("API key configured - sk-keyri***BCDEF\nAuthentication is checked when you send a request.", Status(state).Message);

        var result = Remove(state, new FakeHost());

        Assert.Empty(state.Keyring.Entries);
        Assert.False(File.Exists(state.AuthFile));
        Assert.True(result.KeyringEntryRemoved && result.AuthFileRemoved);
        Assert.Equal("Successfully logged out", result.Message);
        Assert.Equal("Not logged in", Status(state).Message);
    }

    [Fact]
    public void File_mode_leaves_an_old_keyring_entry_alone_as_codex_does()
    {
        using var state = new CodexState();
        state.Keyring.Entries[("Codex Auth", CodexHome.KeyringAccount(state.Home))] = KeyringSecret;
        Assert.Equal("Not logged in", Remove(state, new FakeHost()).Message);
        Assert.Single(state.Keyring.Entries);
    }

    [Fact]
    public void An_unreachable_keyring_is_an_error_naming_what_is_still_stored_and_the_file_still_goes()
    {
        using var state = new CodexState();
        File.WriteAllText(state.ConfigFile, "cli_auth_credentials_store = \"auto\"\n");
        state.WriteAuth("{\"OPENAI_API_KEY\":\"sk-file-0123456789ABCDEF\"}");
        state.Keyring.Unavailable = "Cannot autolaunch D-Bus";
        var host = new FakeHost();

        var result = Remove(state, host);

        Assert.False(File.Exists(state.AuthFile));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error logging out: failed to delete auth from keyring: Cannot autolaunch D-Bus", result.Message);
        Assert.Contains(result.Remaining, r => r.Contains("keyring entry Codex Auth/cli|", StringComparison.Ordinal));
        var error = Assert.Single(host.Errors);
        Assert.Equal("CodexKeyringUnavailable", error.ErrorId);
        Assert.Contains("Still stored", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ephemeral_mode_stores_nothing_so_nothing_is_removed()
    {
        using var state = new CodexState();
        File.WriteAllText(state.ConfigFile, "cli_auth_credentials_store = \"ephemeral\"\n");
        state.WriteAuth("{\"OPENAI_API_KEY\":\"sk-file-0123456789ABCDEF\"}");
        Assert.Equal("Not logged in", Status(state).Message);
        Assert.Equal("Not logged in", Remove(state, new FakeHost()).Message);
        Assert.True(File.Exists(state.AuthFile));
    }

    [Fact]
    public void WhatIf_lists_the_revocation_the_file_the_keyring_entry_and_the_auth_token_key_and_changes_nothing()
    {
        using var state = new CodexState();
        using var server = new LoopbackServer();
        state.SetVariable("CODEX_REVOKE_TOKEN_URL_OVERRIDE", server.BaseUrl + "/oauth/revoke");
        File.WriteAllText(state.ConfigFile, "cli_auth_credentials_store = \"auto\"\nauth_token = \"legacy\"\n");
        state.Keyring.Entries[("Codex Auth", CodexHome.KeyringAccount(state.Home))] = ChatGptAuth;
        state.WriteAuth(ChatGptAuth);
        var config = File.ReadAllBytes(state.ConfigFile);
        var host = new FakeHost { WhatIf = true };

        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home }, host);

        Assert.Equal(new[] { "Revoke the ChatGPT refresh token", "Remove the codex keyring entry", "Remove the codex credentials file", "Remove the top-level auth_token key" },
            host.ShouldProcessCalls.Select(c => c.Action));
        Assert.Contains(host.WhatIfLines, l => l.Contains(state.AuthFile, StringComparison.Ordinal));
        Assert.Empty(host.Output);
        Assert.Empty(host.ShouldContinueCalls);
        Assert.Empty(server.Requests);
        Assert.True(File.Exists(state.AuthFile));
        Assert.Single(state.Keyring.Entries);
        Assert.Equal(config, File.ReadAllBytes(state.ConfigFile));
        Assert.False(File.Exists(Path.Combine(state.Home, "auth.lock")));
    }

    [Fact]
    public void Without_Force_one_question_covers_the_whole_logout_and_no_changes_nothing()
    {
        using var state = new CodexState();
        using var server = new LoopbackServer();
        state.SetVariable("CODEX_REVOKE_TOKEN_URL_OVERRIDE", server.BaseUrl + "/oauth/revoke");
        state.WriteAuth(ChatGptAuth);
        var before = File.ReadAllBytes(state.AuthFile);
        var host = new FakeHost { ContinueAnswer = (_, _) => false };

        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home }, host);

        var question = Assert.Single(host.ShouldContinueCalls).Query;
        Assert.Contains("revoke the ChatGPT token", question, StringComparison.Ordinal);
        Assert.Contains("remove auth.json", question, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        Assert.Equal(before, File.ReadAllBytes(state.AuthFile));
        Assert.Empty(host.Output);
    }

    [Fact]
    public void Confirm_asks_about_every_step_before_any_is_applied_and_applies_exactly_the_approved_ones()
    {
        using var state = new CodexState();
        using var server = new LoopbackServer();
        state.SetVariable("CODEX_REVOKE_TOKEN_URL_OVERRIDE", server.BaseUrl + "/oauth/revoke");
        File.WriteAllText(state.ConfigFile, "auth_token = \"legacy\"\n");
        state.WriteAuth(ChatGptAuth);
        var config = File.ReadAllBytes(state.ConfigFile);
        var requestsWhenAsked = new List<int>();
        var host = new FakeHost
        {
            ContinueAnswer = (_, _) => true,
            // -Confirm: yes to the revocation and auth.json, no to the auth_token key.
            ProcessAnswer = (_, action) => { requestsWhenAsked.Add(server.Requests.Count); return action != "Remove the top-level auth_token key"; },
        };

        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home }, host);

        Assert.Equal(new[] { "Revoke the ChatGPT refresh token", "Remove the codex credentials file", "Remove the top-level auth_token key" },
            host.ShouldProcessCalls.Select(c => c.Action));
        Assert.Equal(new[] { 0, 0, 0 }, requestsWhenAsked);
        Assert.Single(server.Requests);
        var result = host.OutputOf<CodexLogoutResult>().Single();
        Assert.True(result.TokenRevoked);
        Assert.True(result.AuthFileRemoved);
        Assert.False(result.LegacyAuthTokenRemoved);
        Assert.False(File.Exists(state.AuthFile));
        Assert.Equal(config, File.ReadAllBytes(state.ConfigFile));
    }

    [Theory]
    [InlineData("chatgpt")]
    [InlineData("apikey")]
    public void A_host_that_cannot_prompt_stops_every_login_type_alike(string loginType)
    {
        using var state = new CodexState();
        using var server = new LoopbackServer();
        state.SetVariable("CODEX_REVOKE_TOKEN_URL_OVERRIDE", server.BaseUrl + "/oauth/revoke");
        state.WriteAuth(loginType == "chatgpt" ? ChatGptAuth : File.ReadAllText(CodexState.Fixture("codex-auth-apikey.json")));
        var before = File.ReadAllBytes(state.AuthFile);

        var error = Assert.Throws<LogoutException>(() => Remove(state, new FakeHost(), force: false));

        Assert.Equal("ConfirmationNotPossible", error.ErrorId);
        Assert.Equal(before, File.ReadAllBytes(state.AuthFile));
    }

    [Fact]
    public void A_host_that_cannot_prompt_stops_before_revoking_or_deleting()
    {
        using var state = new CodexState();
        using var server = new LoopbackServer();
        state.SetVariable("CODEX_REVOKE_TOKEN_URL_OVERRIDE", server.BaseUrl + "/oauth/revoke");
        state.WriteAuth(ChatGptAuth);
        var before = File.ReadAllBytes(state.AuthFile);
        var host = new FakeHost(); // no ContinueAnswer: non-interactive

        var error = Assert.Throws<LogoutException>(() => Remove(state, host, force: false));

        Assert.Equal("ConfirmationNotPossible", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
        Assert.Empty(server.Requests);
        Assert.Equal(before, File.ReadAllBytes(state.AuthFile));
        Assert.Empty(host.Output);
    }

    [Fact]
    public void SkipRevoke_sends_nothing_and_its_question_names_no_revocation()
    {
        using var state = new CodexState();
        using var server = new LoopbackServer();
        state.SetVariable("CODEX_REVOKE_TOKEN_URL_OVERRIDE", server.BaseUrl + "/oauth/revoke");
        state.WriteAuth(ChatGptAuth);
        var host = new FakeHost { ContinueAnswer = (_, _) => true };

        var result = Remove(state, host, force: false, skipRevoke: true);

        Assert.Empty(server.Requests);
        Assert.DoesNotContain("revoke", Assert.Single(host.ShouldContinueCalls).Query, StringComparison.Ordinal);
        Assert.Equal("Skipped (-SkipRevoke).", result.Revocation);
        Assert.False(File.Exists(state.AuthFile));
    }

    [Fact]
    public void The_refresh_override_origin_gives_the_revoke_url_and_the_revoke_override_wins()
    {
        using var state = new CodexState();
        state.SetVariable("CODEX_REFRESH_TOKEN_URL_OVERRIDE", "http://127.0.0.1:9/some/token?x=1");
        Assert.Equal("http://127.0.0.1:9/oauth/revoke", CodexRevoker.ResolveUrl(state.Context()).ToString());
        state.SetVariable("CODEX_REVOKE_TOKEN_URL_OVERRIDE", "http://localhost:8/r");
        Assert.Equal("http://localhost:8/r", CodexRevoker.ResolveUrl(state.Context()).ToString());
        Assert.Equal(CodexRevoker.DefaultUrl, CodexRevoker.ResolveUrl(new CodexState().Context()).ToString());
    }

    [Fact]
    public void A_refused_connection_still_removes_the_login_with_a_warning()
    {
        using var state = new CodexState();
        state.SetVariable("CODEX_REVOKE_TOKEN_URL_OVERRIDE", "http://127.0.0.1:9/oauth/revoke");
        state.WriteAuth(ChatGptAuth);
        var host = new FakeHost();
        var result = Remove(state, host);
        Assert.Equal("Successfully logged out", result.Message);
        Assert.False(result.TokenRevoked);
        Assert.Single(host.Warnings);
    }

    [Fact]
    public void The_auth_token_key_goes_in_every_mode_keeping_bom_crlf_mode_and_other_bytes()
    {
        using var state = new CodexState();
        var before = "\uFEFF# keep\r\nmodel = 'o3'\r\n\"auth_token\" = \"\"\"\r\nline\r\n\"\"\" # note\r\n[profiles.x]\r\nauth_token = \"stays\"\r\n";
        File.WriteAllText(state.ConfigFile, before);
        File.SetUnixFileMode(state.ConfigFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = Remove(state, new FakeHost());

        var expected = "\uFEFF# keep\r\nmodel = 'o3'\r\n[profiles.x]\r\nauth_token = \"stays\"\r\n";
        Assert.Equal(new System.Text.UTF8Encoding(false).GetBytes(expected), File.ReadAllBytes(state.ConfigFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(state.ConfigFile));
        Assert.True(result.LegacyAuthTokenRemoved);
        Assert.Equal("Successfully logged out", result.Message);
        Assert.False(Status(state).LegacyAuthTokenPresent);
    }

    [Fact]
    public void A_killed_runs_partial_config_copies_are_removed_by_the_next_logout_with_a_warning_and_fresh_or_foreign_ones_are_kept()
    {
        using var state = new CodexState();
        File.WriteAllText(state.ConfigFile, "model = \"o3\"\nauth_token = \"legacy\"\n");
        var old = DateTime.UtcNow.AddMinutes(-1);
        string Leftover(string name) { var path = Path.Combine(state.Home, name); File.WriteAllText(path, "model = \"o"); File.SetLastWriteTimeUtc(path, old); return path; }
        var partial = Leftover(".config.toml.1a2b3c4d.tmp");
        var notOurs = Leftover(".config.toml.tmp");
        var fresh = Path.Combine(state.Home, ".config.toml.0badf00d.tmp"); // a concurrent run's write in progress
        File.WriteAllText(fresh, "model");

        var whatIf = new FakeHost { WhatIf = true };
        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home }, whatIf);
        Assert.True(File.Exists(partial));
        Assert.Empty(whatIf.Warnings);

        var host = new FakeHost();
        var result = Remove(state, host);

        Assert.True(result.LegacyAuthTokenRemoved);
        Assert.False(File.Exists(partial));
        Assert.True(File.Exists(notOurs));
        Assert.True(File.Exists(fresh));
        Assert.Equal(new[] { $"Removed {partial}, left behind by an interrupted run." }, host.Warnings);
        Assert.Equal("model = \"o3\"\n", File.ReadAllText(state.ConfigFile));
    }

    [Fact]
    public void A_config_without_auth_token_is_not_rewritten()
    {
        using var state = new CodexState();
        File.WriteAllText(state.ConfigFile, "model = \"o3\"\n");
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(state.ConfigFile, stamp);
        Assert.Equal("Not logged in", Remove(state, new FakeHost()).Message);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(state.ConfigFile));
        Assert.Equal(new[] { "config.toml" }, Directory.GetFiles(state.Home).Select(Path.GetFileName));
    }

    [Fact]
    public void Status_reads_email_and_plan_from_the_id_token_and_flags_auth_token()
    {
        using var state = new CodexState();
        state.WriteAuth(ChatGptAuth);
        File.Copy(CodexState.Fixture("codex-config-auth_token.toml"), state.ConfigFile);
        var status = Status(state);
        Assert.True(status.LoggedIn);
        Assert.Equal("chatgpt", status.AuthMode);
        Assert.Equal("fake.user@example.com", status.Email);
        Assert.Equal("plus", status.Plan);
        Assert.True(status.LegacyAuthTokenPresent);
        Assert.Null(status.MaskedApiKey);
    }

    [Fact]
    public void No_token_or_key_appears_in_any_stream()
    {
        using var state = new CodexState();
        using var server = new LoopbackServer(400);
        state.SetVariable("CODEX_REVOKE_TOKEN_URL_OVERRIDE", server.BaseUrl + "/oauth/revoke");
        state.WriteAuth(ChatGptAuth);
        var host = new FakeHost();
        GetCodexAuthStatusOperation.Invoke(state.Context(), new GetCodexAuthStatusRequest { CodexHome = state.Home }, host);
        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home, Force = true }, host);
        state.WriteAuth("{\"OPENAI_API_KEY\":\"sk-secret-0123456789ABCDEF\"}");
        GetCodexAuthStatusOperation.Invoke(state.Context(), new GetCodexAuthStatusRequest { CodexHome = state.Home }, host);
        var text = host.AllText();
        Assert.DoesNotContain("rt_fake_refresh", text, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJhbGci", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret-0123456789", text, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void A_codex_holding_auth_lock_blocks_removal_and_our_lock_blocks_codex()
    {
        using var state = new CodexState();
        state.WriteAuth("{\"OPENAI_API_KEY\":\"sk-test\"}");
        var authLock = Path.Combine(state.Home, "auth.lock");
        using (var holder = Process.Start(new ProcessStartInfo("flock", new[] { authLock, "sleep", "30" }))!)
        {
            WaitUntilLocked(authLock);
            var e = Assert.Throws<LogoutException>(() => RemoveCodexTokenOperation.Invoke(state.Context(),
                new RemoveCodexTokenRequest { CodexHome = state.Home, LockWait = TimeSpan.FromMilliseconds(300), Force = true }, new FakeHost()));
            Assert.Equal("CodexCredentialsLocked", e.ErrorId);
            Assert.True(File.Exists(state.AuthFile));
            holder.Kill(entireProcessTree: true); // flock's child holds the lock too
            holder.WaitForExit();
        }

        using (CodexLocks.Acquire(state.Home, TimeSpan.FromSeconds(5)))
        {
            foreach (var name in new[] { "auth.lock", "auth.json.lock" })
                Assert.True(IsLockedByAnother(Path.Combine(state.Home, name)), $"{name} is not held");
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(state.Home, "auth.json.lock")));
        Assert.Equal("Successfully logged out", Remove(state, new FakeHost()).Message);
        Assert.True(File.Exists(authLock) && File.Exists(Path.Combine(state.Home, "auth.json.lock")));
    }

    /// <summary>Polls with `flock -n` until another process holds the lock, so the test never races the holder's start.</summary>
    private static void WaitUntilLocked(string lockFile)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (IsLockedByAnother(lockFile)) return;
            Thread.Sleep(20);
        }
        Assert.Fail($"nothing took {lockFile} within 10 s");
    }

    /// <summary>`flock -n` fails (exit 1) exactly when another open file description holds the lock.</summary>
    private static bool IsLockedByAnother(string lockFile)
    {
        using var probe = Process.Start(new ProcessStartInfo("flock", new[] { "-n", lockFile, "true" }))!;
        probe.WaitForExit();
        return probe.ExitCode == 1;
    }
}
