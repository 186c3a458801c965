using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>Get-CodexAuthStatus's result. Holds no secret: the API key only masked, tokens never.</summary>
public sealed class CodexAuthStatus
{
    public bool LoggedIn { get; internal set; }

    /// <summary>codex's auth mode (apikey, chatgpt, …) when logged in.</summary>
    public string? AuthMode { get; internal set; }

    /// <summary>The stored API key masked as codex masks it.</summary>
    public string? MaskedApiKey { get; internal set; }

    public string? Email { get; internal set; }
    public string? Plan { get; internal set; }
    public AuthCredentialsStoreMode Store { get; internal set; }
    public string CodexHome { get; internal set; } = "";
    public string AuthFile { get; internal set; } = "";

    /// <summary>Where the login was read from: the auth.json path or the keyring entry; null when nothing is stored.</summary>
    public string? Source { get; internal set; }

    /// <summary>config.toml has a top-level auth_token (which codex ignores and Remove-CodexToken removes).</summary>
    public bool LegacyAuthTokenPresent { get; internal set; }

    /// <summary>codex login status's exact text (its stderr, without the final newline).</summary>
    public string Message { get; internal set; } = "";

    /// <summary>codex login status's exit code: 0 logged in, 1 not logged in or an error.</summary>
    public int ExitCode { get; internal set; }

    public override string ToString() => Message;
}
