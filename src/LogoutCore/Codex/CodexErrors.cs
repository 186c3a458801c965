using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>
/// Every error the codex cmdlets report, in one place: id, category (ErrorKind), target object and message. The ids
/// are stable (scripts match on them); texts that codex itself prints keep codex's wording.
/// </summary>
internal static class CodexErrors
{
    public static LogoutException HomeNotDirectory(string configured)
        => ConfigurationError("CodexHomeNotDirectory", configured, $"CODEX_HOME points to \"{PrintableText.Of(configured)}\", but that path is not a directory");

    public static LogoutException HomeNotFound(string configured)
        => ConfigurationError("CodexHomeNotFound", configured, $"CODEX_HOME points to \"{PrintableText.Of(configured)}\", but that path does not exist");

    /// <param name="detail">codex's own text for the problem, usually with its file:line:column.</param>
    public static LogoutException ConfigInvalid(string path, string detail, Exception? inner = null)
        => ConfigurationError("CodexConfigInvalid", path, detail, inner);

    /// <summary>A config.toml that exists but cannot be read (a symbolic link to itself, an I/O failure); the target is the file.</summary>
    public static LogoutException ConfigUnreadable(string path, IOException e)
        => new("CodexConfigUnreadable", ErrorKind.ReadError, path, $"Error loading configuration: cannot read {PrintableText.Of(path)}: {e.Message}", e);

    /// <summary>codex login status's failure (its message, e.g. "Error checking login status: …") for a file it cannot read.</summary>
    public static LogoutError AuthNotReadable(string target, string message) => new("CodexAuthUnreadable", ErrorKind.ReadError, target, message);

    /// <summary>The same id for credentials that read but make no sense (an API-key login without a key).</summary>
    public static LogoutError AuthNotValid(string? source, string message) => new("CodexAuthUnreadable", ErrorKind.InvalidData, source, message);

    /// <summary>A CODEX_ACCESS_TOKEN codex cannot decode; <paramref name="message"/> is codex login status's ("Error checking login status: …").</summary>
    public static LogoutError AccessTokenInvalid(string source, string message) => new("CodexAccessTokenInvalid", ErrorKind.InvalidData, source, message);

    /// <summary>A running codex holds one of its credential locks (<paramref name="lockFile"/>) longer than Remove-CodexToken waits.</summary>
    public static LogoutException CredentialsLocked(string lockFile)
        => new("CodexCredentialsLocked", ErrorKind.ResourceBusy, lockFile,
            $"Another process (probably a running codex) holds {lockFile}; nothing was removed. Try again when it has finished.");

    /// <param name="remaining">What is still stored, for the message ("keyring entry X, if it exists").</param>
    public static LogoutError KeyringUnavailable(string keyringEntry, string remaining, Exception e)
        => new("CodexKeyringUnavailable", ErrorKind.ResourceUnavailable, keyringEntry,
            $"The keyring could not be reached ({e.Message}). Still stored: the {remaining}. Run Remove-CodexToken again when the keyring is available.");

    public static LogoutError AuthFileNotRemoved(string authFile, Exception e)
        => new("CodexAuthFileNotRemoved", ErrorKind.WriteError, authFile,
            $"{authFile} could not be removed ({e.Message}); it still holds the codex credentials.", e);

    /// <param name="variable">The environment variable holding the URL (its value is not shown).</param>
    public static LogoutException RevokeUrlInvalid(string variable)
        => new("CodexRevokeUrlInvalid", ErrorKind.InvalidArgument, variable, $"{variable} is not an http(s) URL.");

    // codex's failure wording for anything wrong before it reads credentials.
    private static LogoutException ConfigurationError(string errorId, string target, string detail, Exception? inner = null)
        => new(errorId, ErrorKind.InvalidArgument, target, "Error loading configuration: " + detail, inner);
}
