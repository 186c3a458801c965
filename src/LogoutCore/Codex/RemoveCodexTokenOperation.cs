using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>What Remove-CodexToken was asked to do besides the defaults.</summary>
public sealed class RemoveCodexTokenOptions
{
    public string? CodexHome { get; set; }

    /// <summary>Do not revoke a ChatGPT token (copies of it, e.g. in account-switching tools, keep working).</summary>
    public bool SkipRevoke { get; set; }

    /// <summary>Log out without the ShouldContinue question (asked otherwise for every login type).</summary>
    public bool Force { get; set; }

    /// <summary>How long to wait for a running codex to release auth.lock.</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Remove-CodexToken: `codex logout` plus the design document's config.toml auth_token. Order as codex: read the
/// stored login (tolerantly), revoke a ChatGPT token best-effort, then under codex's two locks delete the keyring entry
/// and auth.json; finally drop a top-level auth_token from config.toml. Everything that could not be removed is named
/// in the result and reported as an error; nothing is left behind silently.
/// </summary>
public static class RemoveCodexTokenOperation
{
    public static void Invoke(CodexContext context, RemoveCodexTokenOptions options, IHostInteraction host)
    {
        if (CodexConfig.LoadOrReport(context, options.CodexHome, host) is not { } loaded) return;
        var (home, config) = loaded;
        WarnAboutEnvironmentCredentials(context, host);
        var stored = CodexStoredAuth.Load(context, home, config);
        if (stored.Error is { } unreadable)
            host.WriteVerbose($"The stored login could not be read ({unreadable}); it is removed without revocation, as codex does.");

        var result = new CodexLogoutResult { CodexHome = home, Store = config.Store };
        var authFile = CodexStoredAuth.AuthFilePath(home);
        var usesKeyring = config.Store is AuthCredentialsStoreMode.Keyring or AuthCredentialsStoreMode.Auto;
        var keyringEntry = $"{CodexHome.KeyringService}/{CodexHome.KeyringAccount(home)} ({context.Keyring.Name})";
        var keyringHasEntry = usesKeyring && ProbeKeyring(context, home, keyringEntry, result, host);
        var hasFile = config.Store != AuthCredentialsStoreMode.Ephemeral && (File.Exists(authFile) || Directory.Exists(authFile));
        var approval = new Approval(host, options.Force, Question(home, stored, options, keyringHasEntry, hasFile, config.HasLegacyAuthToken));

        Revoke(context, options, stored, result, host, approval);

        var deleteKeyring = keyringHasEntry && approval.Approve(keyringEntry, "Remove the codex keyring entry");
        var deleteFile = hasFile && approval.Approve(authFile, "Remove the codex credentials file");
        if ((deleteKeyring || deleteFile) && Directory.Exists(home))
        {
            using var locks = CodexLocks.Acquire(home, options.LockWait);
            if (deleteKeyring) DeleteKeyringEntry(context, home, keyringEntry, result, host);
            if (deleteFile) DeleteAuthFile(authFile, result, host);
        }
        else if (deleteKeyring)
        {
            DeleteKeyringEntry(context, home, keyringEntry, result, host);
        }

        var removeLegacyToken = config.HasLegacyAuthToken && approval.Approve(config.UserConfigPath, "Remove the top-level auth_token key");
        if (deleteKeyring || deleteFile || removeLegacyToken) RemoveLeftovers(home, host);
        if (removeLegacyToken && config.RemoveLegacyAuthToken())
        {
            result.LegacyAuthTokenRemoved = true;
            result.AddRemoved($"auth_token key in {config.UserConfigPath}");
        }

        if (approval.Declined && result.Removed.Count == 0 && !result.TokenRevoked) return; // -WhatIf, every -Confirm refused, or No
        result.Complete();
        host.WriteObject(result);
    }

    /// <summary>
    /// Age after which a temp file of this module's naming in the codex home is a killed run's leftover (a partial
    /// copy of config.toml): a write in progress is never that old. sf's stale-lock age, so both sides judge alike.
    /// </summary>
    private static readonly TimeSpan LeftoverAge = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Deletes what a run killed while rewriting config.toml left in <paramref name="home"/> (only this module's temp
    /// naming, only older than <see cref="LeftoverAge"/>), with a warning each. Runs only when this run changes something,
    /// so -WhatIf and a refused prompt change nothing.
    /// </summary>
    private static void RemoveLeftovers(string home, IHostInteraction host)
    {
        foreach (var leftover in AtomicFile.RemoveLeftovers(home, LeftoverAge))
            host.WriteWarning($"Removed {leftover}, left behind by an interrupted run.");
    }

    /// <summary>
    /// Credentials codex takes from the environment outlive any logout (codex-cli.md §4-5: `codex logout` says
    /// "Not logged in" over them; `codex login status` reports CODEX_ACCESS_TOKEN). A cmdlet cannot unset the
    /// environment of the process that started the session, so it names each one that is set.
    /// </summary>
    private static void WarnAboutEnvironmentCredentials(CodexContext context, IHostInteraction host)
    {
        foreach (var name in new[] { CodexAccessToken.VariableName, "CODEX_API_KEY", "OPENAI_API_KEY" })
        {
            if (string.IsNullOrWhiteSpace(context.Environment(name))) continue;
            host.WriteWarning($"The environment variable {name} is set: codex can still sign in with it after this logout" +
                (name == CodexAccessToken.VariableName ? " (codex login status reports it instead of the stored login)" : "") +
                $". Remove-CodexToken cannot unset it in the process that started this session; remove it there (and here: Remove-Item Env:{name}).");
        }
    }

    /// <summary>
    /// Each change is confirmed by ShouldProcess (-WhatIf, -Confirm); the first one approved is followed by one
    /// ShouldContinue for the whole logout unless -Force, the same rule for an API key, a ChatGPT login or a lone
    /// auth_token, as Disconnect-Org asks per org. A "no" there changes nothing; a host that cannot ask throws
    /// ConfirmationNotPossible before anything changed.
    /// </summary>
    private sealed class Approval
    {
        private readonly IHostInteraction _host;
        private readonly string _question;
        private bool _asked;
        private bool _refused;

        public Approval(IHostInteraction host, bool force, string question)
        {
            _host = host;
            _asked = force;
            _question = question;
        }

        public bool Declined { get; private set; }

        public bool Approve(string target, string action)
        {
            if (_refused) return false;
            if (!_host.ShouldProcess(target, action))
            {
                Declined = true;
                return false;
            }
            if (_asked) return true;
            _asked = true;
            bool yesToAll = false, noToAll = false;
            if (_host.ShouldContinue(_question, "Log out of the Codex CLI", ref yesToAll, ref noToAll)) return true;
            _refused = true;
            Declined = true;
            return false;
        }
    }

    /// <summary>The one "Are you sure" question, naming what this logout would do.</summary>
    private static string Question(string home, CodexStoredAuth stored, RemoveCodexTokenOptions options, bool keyringHasEntry, bool hasFile, bool hasLegacyToken)
    {
        var changes = new List<string>();
        if (stored.Auth is { Mode: "chatgpt", Tokens: not null } && !options.SkipRevoke)
            changes.Add("revoke the ChatGPT token at OpenAI (every copy of it stops working, including ones kept by account-switching tools; -SkipRevoke keeps them)");
        if (keyringHasEntry) changes.Add("remove the keyring entry");
        if (hasFile) changes.Add("remove auth.json");
        if (hasLegacyToken) changes.Add("remove the auth_token key from config.toml");
        return changes.Count == 0
            ? $"Are you sure you want to log the Codex CLI out of {home}?"
            : $"Are you sure you want to log the Codex CLI out of {home}: {string.Join("; ", changes)}?";
    }

    // codex revokes only a ChatGPT login with tokens; API keys have nothing to revoke.
    private static void Revoke(CodexContext context, RemoveCodexTokenOptions options, CodexStoredAuth stored, CodexLogoutResult result, IHostInteraction host, Approval approval)
    {
        if (stored.Auth is not { Mode: "chatgpt", Tokens: { } tokens })
        {
            result.Revocation = stored.Auth is null ? "Nothing to revoke." : "Nothing to revoke: not a ChatGPT login.";
            return;
        }
        if (options.SkipRevoke)
        {
            result.Revocation = "Skipped (-SkipRevoke).";
            return;
        }
        var url = CodexRevoker.ResolveUrl(context);
        var kind = tokens.RefreshToken.Length > 0 ? "refresh token" : "access token";
        if (!approval.Approve(url.GetLeftPart(UriPartial.Path), $"Revoke the ChatGPT {kind}"))
        {
            result.Revocation = "Not revoked (declined).";
            return;
        }
        var (revoked, outcome) = CodexRevoker.Revoke(url, tokens, host.Stopping);
        result.TokenRevoked = revoked;
        result.Revocation = (revoked ? "Revoked: " : "Revocation failed (best-effort, as in codex): ") + outcome + ".";
        if (!revoked) host.WriteWarning($"The ChatGPT {kind} could not be revoked ({outcome}); the local credentials are removed anyway, as codex does.");
    }

    /// <summary>Whether codex's keyring entry exists; an unreachable keyring is an error naming what may still be stored.</summary>
    private static bool ProbeKeyring(CodexContext context, string home, string keyringEntry, CodexLogoutResult result, IHostInteraction host)
    {
        try
        {
            return context.Keyring.Read(CodexHome.KeyringService, CodexHome.KeyringAccount(home)) is not null;
        }
        catch (KeyringUnavailableException e)
        {
            KeyringFailed(keyringEntry, e, result, host);
            return false;
        }
    }

    private static void DeleteKeyringEntry(CodexContext context, string home, string keyringEntry, CodexLogoutResult result, IHostInteraction host)
    {
        try
        {
            if (!context.Keyring.Delete(CodexHome.KeyringService, CodexHome.KeyringAccount(home))) return;
            result.KeyringEntryRemoved = true;
            result.AddRemoved($"keyring entry {keyringEntry}");
        }
        catch (KeyringUnavailableException e)
        {
            KeyringFailed(keyringEntry, e, result, host);
        }
    }

    private static void KeyringFailed(string keyringEntry, KeyringUnavailableException e, CodexLogoutResult result, IHostInteraction host)
    {
        var remaining = $"keyring entry {keyringEntry}, if it exists";
        result.Fail(remaining, "failed to delete auth from keyring: " + e.Message);
        host.WriteError(CodexErrors.KeyringUnavailable(keyringEntry, remaining, e));
    }

    private static void DeleteAuthFile(string authFile, CodexLogoutResult result, IHostInteraction host)
    {
        try
        {
            if (Directory.Exists(authFile)) throw new IOException("Is a directory (os error 21)");
            File.Delete(authFile);
            result.AuthFileRemoved = true;
            result.AddRemoved($"file {authFile}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result.Fail($"file {authFile}", e.Message);
            host.WriteError(CodexErrors.AuthFileNotRemoved(authFile, e));
        }
    }
}
