using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>What Remove-CodexToken was asked to do besides the defaults.</summary>
public sealed class RemoveCodexTokenOptions
{
    public string? CodexHome { get; set; }

    /// <summary>Do not revoke a ChatGPT token (copies of it, e.g. in account-switching tools, keep working).</summary>
    public bool SkipRevoke { get; set; }

    /// <summary>Revoke without the ShouldContinue prompt.</summary>
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
        var stored = CodexStoredAuth.Load(context, home, config);
        if (stored.Error is { } unreadable)
            host.WriteVerbose($"The stored login could not be read ({unreadable}); it is removed without revocation, as codex does.");

        var result = new CodexLogoutResult { CodexHome = home, Store = config.Store };
        var authFile = CodexStoredAuth.AuthFilePath(home);
        var usesKeyring = config.Store is CodexCredentialStore.Keyring or CodexCredentialStore.Auto;
        var keyringEntry = $"{CodexHome.KeyringService}/{CodexHome.KeyringAccount(home)} ({context.Keyring.Name})";
        var keyringHasEntry = usesKeyring && ProbeKeyring(context, home, keyringEntry, result, host);
        var hasFile = config.Store != CodexCredentialStore.Ephemeral && (File.Exists(authFile) || Directory.Exists(authFile));
        var declined = false;

        Revoke(context, options, stored, result, host, ref declined);

        var deleteKeyring = keyringHasEntry && Approve(host, keyringEntry, "Remove the codex keyring entry", ref declined);
        var deleteFile = hasFile && Approve(host, authFile, "Remove the codex credentials file", ref declined);
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

        if (config.HasLegacyAuthToken && Approve(host, config.UserConfigPath, "Remove the top-level auth_token key", ref declined)
            && config.RemoveLegacyAuthToken())
        {
            result.LegacyAuthTokenRemoved = true;
            result.AddRemoved($"auth_token key in {config.UserConfigPath}");
        }

        if (declined && result.Removed.Count == 0 && !result.TokenRevoked) return; // -WhatIf or every -Confirm refused
        result.Complete();
        host.WriteObject(result);
    }

    private static bool Approve(IHostInteraction host, string target, string action, ref bool declined)
    {
        if (host.ShouldProcess(target, action)) return true;
        declined = true;
        return false;
    }

    // codex revokes only a ChatGPT login with tokens; API keys have nothing to revoke.
    private static void Revoke(CodexContext context, RemoveCodexTokenOptions options, CodexStoredAuth stored, CodexLogoutResult result,
        IHostInteraction host, ref bool declined)
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
        if (!Approve(host, url.GetLeftPart(UriPartial.Path), $"Revoke the ChatGPT {kind}", ref declined))
        {
            result.Revocation = "Not revoked (declined).";
            return;
        }
        var yesToAll = false;
        var noToAll = false;
        // Before anything is deleted: a host that cannot prompt (ConfirmationNotPossible) stops the cmdlet with nothing changed.
        if (!options.Force && !host.ShouldContinue(
                $"Revoking signs this ChatGPT login out everywhere: every copy of the {kind}, including ones kept by account-switching tools, stops working. Revoke it? (No removes the local credentials only.)",
                "Revoke the codex ChatGPT token", ref yesToAll, ref noToAll))
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

/// <summary>Remove-CodexToken's result: what was removed, whether a token was revoked, what remains, and codex's message.</summary>
public sealed class CodexLogoutResult
{
    private readonly List<string> _removed = new();
    private readonly List<string> _remaining = new();
    private string? _failure;

    public string CodexHome { get; internal set; } = "";
    public CodexCredentialStore Store { get; internal set; }
    public bool AuthFileRemoved { get; internal set; }
    public bool KeyringEntryRemoved { get; internal set; }
    public bool LegacyAuthTokenRemoved { get; internal set; }

    /// <summary>Each thing removed: the auth.json file, the keyring entry, the config.toml auth_token key.</summary>
    public IReadOnlyList<string> Removed => _removed;

    public bool TokenRevoked { get; internal set; }

    /// <summary>What happened about revocation, in words (never the token).</summary>
    public string Revocation { get; internal set; } = "";

    /// <summary>What could not be removed and is still stored; empty when everything went.</summary>
    public IReadOnlyList<string> Remaining => _remaining;

    /// <summary>codex logout's message: Successfully logged out, Not logged in, or Error logging out: ….</summary>
    public string Message { get; private set; } = "";

    /// <summary>codex logout's exit code: 0, or 1 when something could not be removed.</summary>
    public int ExitCode { get; private set; }

    internal void AddRemoved(string item) => _removed.Add(item);

    internal void Fail(string remaining, string reason)
    {
        _remaining.Add(remaining);
        _failure ??= reason;
    }

    internal void Complete()
    {
        ExitCode = _failure is null ? 0 : 1;
        Message = _failure is not null ? "Error logging out: " + _failure
            : _removed.Count > 0 ? "Successfully logged out"
            : "Not logged in";
    }

    public override string ToString() => Message;
}
