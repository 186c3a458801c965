using LogoutModule.Core.Codex;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Codex;

/// <summary>CODEX_HOME resolution, the keyring account, masking and the config layers, by codex's rules.</summary>
public sealed class CodexHomeAndConfigTests
{
    [Fact]
    public void An_unset_or_empty_CODEX_HOME_means_dot_codex_in_the_user_home_which_need_not_exist()
    {
        using var state = new CodexState();
        Assert.Equal(Path.Combine(state.TempPath, ".codex"), CodexHome.Resolve(state.Context(), null));
        state.SetVariable("CODEX_HOME", "");
        Assert.Equal(Path.Combine(state.TempPath, ".codex"), CodexHome.Resolve(state.Context(), ""));
    }

    [Fact]
    public void A_missing_CODEX_HOME_fails_with_codex_wording()
    {
        using var state = new CodexState();
        state.SetVariable("CODEX_HOME", "relative/missing");
        var e = Assert.Throws<LogoutException>(() => CodexHome.Resolve(state.Context(), null));
        Assert.Equal("Error loading configuration: CODEX_HOME points to \"relative/missing\", but that path does not exist", e.Message);
        Assert.Equal("CodexHomeNotFound", e.ErrorId);
    }

    [Fact]
    public void A_bad_home_is_a_non_terminating_error_so_a_pipeline_of_homes_goes_on()
    {
        using var state = new CodexState();
        var missing = Path.Combine(state.TempPath, "missing");
        var statusHost = new FakeHost();
        var removeHost = new FakeHost();

        GetCodexAuthStatusOperation.Invoke(state.Context(), new GetCodexAuthStatusRequest { CodexHome = missing }, statusHost);
        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = missing }, removeHost);

        foreach (var host in new[] { statusHost, removeHost })
        {
            var error = Assert.Single(host.Errors);
            Assert.Equal("CodexHomeNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
            Assert.Equal(missing, error.TargetObject);
            Assert.Empty(host.Output);
        }
    }

    [Fact]
    public void A_CODEX_HOME_that_is_a_file_fails_with_codex_wording()
    {
        using var state = new CodexState();
        var file = Path.Combine(state.TempPath, "plain-file");
        File.WriteAllText(file, "");
        var e = Assert.Throws<LogoutException>(() => CodexHome.Resolve(state.Context(), file));
        Assert.Equal($"Error loading configuration: CODEX_HOME points to \"{file}\", but that path is not a directory", e.Message);
    }

    [Fact]
    public void CODEX_HOME_is_canonicalized_through_symlinks_and_the_parameter_wins_over_the_variable()
    {
        using var state = new CodexState();
        var link = Path.Combine(state.TempPath, "link");
        Directory.CreateSymbolicLink(link, state.Home);
        state.SetVariable("CODEX_HOME", "/nonexistent-codex-home");
        Assert.Equal(state.Home, CodexHome.Resolve(state.Context(), link + "/."));
    }

    [Theory]
    [InlineData("/home/alice/.codex", "cli|186293cbcd01a1e8")]
    public void The_keyring_account_hashes_the_home_path(string home, string account)
        => Assert.Equal(account, CodexHome.KeyringAccount(home));

    [Theory]
    [InlineData("sk-test", "***")]
    [InlineData("sk-proj-12345", "***")]
    [InlineData("", "***")]
    [InlineData("sk-proj-1234567890ABCDE", "sk-proj-***ABCDE")]
    [InlineData("sk-12345678901234567890abcdefXYZ12", "sk-12345***XYZ12")]
    public void Keys_are_masked_as_codex_masks_them(string key, string masked) => Assert.Equal(masked, AuthDotJson.MaskApiKey(key));

    [Theory]
    [InlineData(null, AuthCredentialsStoreMode.File)]
    [InlineData("file", AuthCredentialsStoreMode.File)]
    [InlineData("keyring", AuthCredentialsStoreMode.Keyring)]
    [InlineData("auto", AuthCredentialsStoreMode.Auto)]
    [InlineData("ephemeral", AuthCredentialsStoreMode.Ephemeral)]
    public void The_store_mode_comes_from_config_toml(string? value, AuthCredentialsStoreMode expected)
    {
        using var state = new CodexState();
        if (value is not null) File.WriteAllText(state.ConfigFile, $"# c\ncli_auth_credentials_store = '{value}'\n");
        Assert.Equal(expected, CodexConfig.Load(state.Context(), state.Home).Store);
    }

    [Fact]
    public void The_managed_system_layer_beats_the_user_file_which_beats_the_system_file()
    {
        using var state = new CodexState();
        File.WriteAllText(Path.Combine(state.SystemDirectory, "config.toml"), "cli_auth_credentials_store = \"ephemeral\"\nforced_login_method = \"api\"\n");
        File.WriteAllText(state.ConfigFile, "cli_auth_credentials_store = \"keyring\"\n");
        var config = CodexConfig.Load(state.Context(), state.Home);
        Assert.Equal(AuthCredentialsStoreMode.Keyring, config.Store);
        Assert.Equal(CodexForcedLoginMethod.Api, config.ForcedLoginMethod);

        File.WriteAllText(Path.Combine(state.SystemDirectory, "managed_config.toml"), "cli_auth_credentials_store = \"auto\"\n");
        Assert.Equal(AuthCredentialsStoreMode.Auto, CodexConfig.Load(state.Context(), state.Home).Store);
    }

    [Theory]
    [InlineData("forced_login_method = \"apikey\"\n", "1:23: unknown variant `apikey`, expected `chatgpt` or `api`")]
    [InlineData("cli_auth_credentials_store = 1\n", "1:30: invalid type for `cli_auth_credentials_store`, expected one of `file`, `keyring`, `auto`, `ephemeral`")]
    public void A_value_codex_rejects_fails_naming_file_line_and_column(string toml, string detail)
    {
        using var state = new CodexState();
        File.WriteAllText(state.ConfigFile, toml);
        var e = Assert.Throws<LogoutException>(() => CodexConfig.Load(state.Context(), state.Home));
        Assert.Equal($"Error loading configuration: {state.ConfigFile}:{detail}", e.Message);
    }

    [Fact]
    public void Invalid_toml_fails_and_logout_changes_nothing()
    {
        using var state = new CodexState();
        File.WriteAllText(state.ConfigFile, "auth_token = \"x\"\nbroken = [\n");
        state.WriteAuth("{\"OPENAI_API_KEY\":\"sk-test\"}");
        var host = new FakeHost();
        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home }, host);
        var e = Assert.Single(host.Errors);
        Assert.Empty(host.Output);
        Assert.StartsWith($"Error loading configuration: {state.ConfigFile}:", e.Message);
        Assert.Equal("CodexConfigInvalid", e.ErrorId);
        Assert.True(File.Exists(state.AuthFile));
        Assert.Equal("auth_token = \"x\"\nbroken = [\n", File.ReadAllText(state.ConfigFile));
    }

    [Fact]
    public void A_config_codex_loads_with_a_multi_line_inline_table_is_loaded_by_status_and_logout()
    {
        using var state = new CodexState();
        const string config = "model = \"o3\"\n[mcp_servers.local]\ncommand = \"run-server\"\nenv = {\n  API_BASE = \"http://127.0.0.1:9\",\n}\n";
        File.WriteAllText(state.ConfigFile, config);
        state.WriteAuth("{\"OPENAI_API_KEY\":\"sk-test\"}");
        var statusHost = new FakeHost();
        var removeHost = new FakeHost();

        GetCodexAuthStatusOperation.Invoke(state.Context(), new GetCodexAuthStatusRequest { CodexHome = state.Home }, statusHost);
        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home, Force = true }, removeHost);

        Assert.Empty(statusHost.Errors);
        Assert.Equal("API key configured - ***\nAuthentication is checked when you send a request.", statusHost.OutputOf<CodexAuthStatus>().Single().Message);
        Assert.Empty(removeHost.Errors);
        Assert.Equal("Successfully logged out", removeHost.OutputOf<CodexLogoutResult>().Single().Message);
        Assert.False(File.Exists(state.AuthFile));
        Assert.Equal(config, File.ReadAllText(state.ConfigFile));
    }
}
