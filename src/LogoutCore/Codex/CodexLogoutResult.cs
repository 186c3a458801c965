using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>Remove-CodexToken's result: what was removed, whether a token was revoked, what remains, and codex's message.</summary>
public sealed class CodexLogoutResult
{
    private readonly List<string> _removed = new();
    private readonly List<string> _remaining = new();
    private string? _failure;

    public string CodexHome { get; internal set; } = "";
    public AuthCredentialsStoreMode Store { get; internal set; }
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
