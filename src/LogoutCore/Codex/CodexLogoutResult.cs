namespace LogoutModule.Core.Codex;

/// <summary>Remove-CodexToken's result: what was removed, whether a token was revoked, what remains, and codex's message.</summary>
public sealed class CodexLogoutResult
{
    /// <param name="failure">codex's reason for the first thing that could not be removed; null when everything went.</param>
    internal CodexLogoutResult(string codexHome, AuthCredentialsStoreMode store, bool authFileRemoved, bool keyringEntryRemoved,
        bool legacyAuthTokenRemoved, IReadOnlyList<string> removed, bool tokenRevoked, string revocation, IReadOnlyList<string> remaining, string? failure)
    {
        CodexHome = codexHome;
        Store = store;
        AuthFileRemoved = authFileRemoved;
        KeyringEntryRemoved = keyringEntryRemoved;
        LegacyAuthTokenRemoved = legacyAuthTokenRemoved;
        Removed = removed;
        TokenRevoked = tokenRevoked;
        Revocation = revocation;
        Remaining = remaining;
        ExitCode = failure is null ? 0 : 1;
        Message = failure is not null ? "Error logging out: " + failure
            : removed.Count > 0 ? "Successfully logged out"
            : "Not logged in";
    }

    public string CodexHome { get; }
    public AuthCredentialsStoreMode Store { get; }
    public bool AuthFileRemoved { get; }
    public bool KeyringEntryRemoved { get; }
    public bool LegacyAuthTokenRemoved { get; }

    /// <summary>Each thing removed: the auth.json file, the keyring entry, the config.toml auth_token key.</summary>
    public IReadOnlyList<string> Removed { get; }

    public bool TokenRevoked { get; }

    /// <summary>What happened about revocation, in words (never the token).</summary>
    public string Revocation { get; }

    /// <summary>What could not be removed and is still stored; empty when everything went.</summary>
    public IReadOnlyList<string> Remaining { get; }

    /// <summary>codex logout's message: Successfully logged out, Not logged in, or Error logging out: ….</summary>
    public string Message { get; }

    /// <summary>codex logout's exit code: 0, or 1 when something could not be removed.</summary>
    public int ExitCode { get; }

    public override string ToString() => Message;
}
