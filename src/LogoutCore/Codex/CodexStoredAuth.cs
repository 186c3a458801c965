using System.Text;

namespace LogoutModule.Core.Codex;

/// <summary>
/// Reads the stored login the way codex loads it for the configured store: auth.json (file), the keyring entry
/// (keyring), the keyring then auth.json (auto; an unreachable keyring falls back to the file), nothing (ephemeral).
/// </summary>
public sealed class CodexStoredAuth
{
    private CodexStoredAuth(AuthDotJson? auth, string? source, string? error, string? keyringProblem)
    {
        Auth = auth;
        Source = source;
        Error = error;
        KeyringProblem = keyringProblem;
    }

    /// <summary>The parsed login; null when nothing is stored or it could not be read.</summary>
    public AuthDotJson? Auth { get; }

    /// <summary>Where the login was found: the auth.json path or the keyring's name.</summary>
    public string? Source { get; }

    /// <summary>codex's error detail when the login could not be read (after "Error checking login status: ").</summary>
    public string? Error { get; }

    /// <summary>Why the keyring could not be asked, when it could not.</summary>
    public string? KeyringProblem { get; }

    public static string AuthFilePath(string home) => Path.Combine(home, "auth.json");

    public static CodexStoredAuth Load(CodexContext context, string home, CodexConfig config)
    {
        switch (config.Store)
        {
            case AuthCredentialsStoreMode.Ephemeral:
                return new CodexStoredAuth(null, null, null, null);
            case AuthCredentialsStoreMode.File:
                return FromFile(home, null);
        }

        var account = CodexHome.KeyringAccount(home);
        string? secret;
        try
        {
            secret = context.Keyring.Read(CodexHome.KeyringService, account);
        }
        catch (KeyringUnavailableException e)
        {
            if (config.Store == AuthCredentialsStoreMode.Auto) return FromFile(home, e.Message);
            return new CodexStoredAuth(null, null, "failed to load CLI auth from keyring: " + e.Message, e.Message);
        }
        if (secret is null) return config.Store == AuthCredentialsStoreMode.Auto ? FromFile(home, null) : new CodexStoredAuth(null, null, null, null);
        var where = $"{context.Keyring.Name} ({CodexHome.KeyringService}, {account})";
        return Parse(secret, where, null);
    }

    private static CodexStoredAuth FromFile(string home, string? keyringProblem)
    {
        var path = AuthFilePath(home);
        if (Directory.Exists(path)) return new CodexStoredAuth(null, path, "Is a directory (os error 21)", keyringProblem);
        if (!File.Exists(path)) return new CodexStoredAuth(null, null, null, keyringProblem);
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return new CodexStoredAuth(null, path, e.Message, keyringProblem);
        }
        return Parse(text, path, keyringProblem);
    }

    private static CodexStoredAuth Parse(string text, string source, string? keyringProblem)
    {
        try
        {
            return new CodexStoredAuth(AuthDotJson.Parse(text), source, null, keyringProblem);
        }
        catch (CodexAuthFormatException e)
        {
            return new CodexStoredAuth(null, source, "failed to deserialize CLI auth from file: " + e.Message, keyringProblem);
        }
    }
}
