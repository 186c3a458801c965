using System.Text.Json;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// Every error the sf cmdlets report, in one place: id, category (ErrorKind), target object and message. The ids are
/// stable (scripts match on them); where sf prints an error for the same case, the text is sf's.
/// </summary>
internal static class SalesforceErrors
{
    /// <summary>sf's NamedOrgNotFoundError text; the target is the name as given.</summary>
    public static LogoutError OrgNotFound(string name)
        => new("OrgNotFound", ErrorKind.ObjectNotFound, name, $"No authenticated org found with the {PrintableText.Of(name)} username or alias.");

    /// <summary>A -Name that is not a valid wildcard pattern (PowerShell refuses it too); the target is the pattern as given.</summary>
    public static LogoutError InvalidNamePattern(string pattern, string? reason)
        => new("InvalidNamePattern", ErrorKind.InvalidArgument, pattern, $"The -Name pattern '{PrintableText.Of(pattern)}' is not a valid wildcard pattern ({PrintableText.Of(reason)}).");

    /// <summary>A -HomePath no folder can have (a NUL in it); the target is the path as given.</summary>
    public static LogoutError InvalidHomePath(string path)
        => new("InvalidHomePath", ErrorKind.InvalidArgument, path, $"The -HomePath '{PrintableText.Of(path)}' cannot name a folder.");

    public static LogoutException NoOrgSpecified()
        => new("NoOrgSpecified", ErrorKind.InvalidArgument, null,
            "No org to log out of: no -TargetOrg was given, no default target-org is set, and this session cannot prompt. Pass -TargetOrg <username or alias>, or -All.");

    /// <param name="reason">Why the revocation failed, free of tokens.</param>
    public static LogoutError RevokeFailed(string username, string? reason)
        => new("RevokeFailed", ErrorKind.ConnectionError, username,
            $"The token of {username} could not be revoked ({reason}); the org was not logged out. Retry, or log out without -Revoke.");

    /// <summary>sf's text for -ClientApp on an org without clientApps; the target is the org's username.</summary>
    public static LogoutException NoLinkedApps(string username)
        => new("NoLinkedApps", ErrorKind.ObjectNotFound, username, $"{username} doesn't have any linked client apps.");

    /// <summary>sf's text for an unknown -ClientApp name; the target is the org's username.</summary>
    public static LogoutException InvalidClientApp(string username, string clientApp)
        => new("InvalidClientApp", ErrorKind.ObjectNotFound, username, $"{username} doesn't have a linked client app named \"{PrintableText.Of(clientApp)}\".");

    public static LogoutError AuthFileMissing(string username, string authFile)
        => new("AuthFileMissing", ErrorKind.ObjectNotFound, username, $"The auth file {authFile} of {username} no longer exists.");

    public static LogoutError AuthFileNotRemoved(string username, string authFile, Exception e)
        => new("AuthFileNotRemoved", ErrorKind.WriteError, username, $"Cannot delete the auth file {authFile} of {username}: {e.Message}", e);

    /// <summary>An auth file that is not JSON; the position, never the content (it holds tokens), is shown.</summary>
    public static LogoutException AuthFileInvalid(string path, JsonException e)
        => new("AuthFileInvalid", ErrorKind.InvalidData, path,
            $"The auth file {path} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).", e);

    /// <summary>
    /// An auth file holding an escaped lone surrogate (<c>"\ud800"</c>) where a value is needed: JSON.parse keeps it, but
    /// no .NET string reader decodes it. Nothing of the text is shown.
    /// </summary>
    public static LogoutException AuthFileUndecodable(string path, InvalidOperationException e)
        => new("AuthFileInvalid", ErrorKind.InvalidData, path, $"The auth file {path} holds a string that cannot be decoded (an escaped lone surrogate).", e);

    public static LogoutException AuthFileNotObject(string path)
        => new("AuthFileInvalid", ErrorKind.InvalidData, path, $"The auth file {path} does not hold a JSON object.");

    public static LogoutException ConfigFileInvalid(string path, JsonException e)
        => new("ConfigFileInvalid", ErrorKind.InvalidData, path, $"The sf config file {path} is not valid JSON: {e.Message}", e);

    public static LogoutException ConfigFileNotObject(string path)
        => new("ConfigFileInvalid", ErrorKind.InvalidData, path, $"The sf config file {path} does not hold a JSON object.");

    public static LogoutException AliasFileInvalid(string aliasFile, JsonException e)
        => new("AliasFileInvalid", ErrorKind.InvalidData, aliasFile, $"The sf alias file {aliasFile} is not valid JSON: {e.Message}", e);

    /// <summary>
    /// A file that exists but cannot be read (a symbolic link to itself, an I/O failure); ReadError, the target is the
    /// file, the message the system's reason.
    /// </summary>
    public static LogoutException FileReadFailed(string file, IOException e)
        => new("FileReadFailed", ErrorKind.ReadError, file, $"Cannot read {PrintableText.Of(file)}: {e.Message}", e);

    public static LogoutException FileWriteFailed(string file, Exception e)
        => new("FileWriteFailed", ErrorKind.WriteError, file, $"Cannot update {file}: {e.Message}", e);

    /// <summary>proper-lockfile's ELOCKED text: another sf (or this module) holds the file's lock.</summary>
    public static LogoutException LockHeld(string file)
        => new("LockHeld", ErrorKind.ResourceBusy, file, $"Lock file is already being held (file: {file})");
}
