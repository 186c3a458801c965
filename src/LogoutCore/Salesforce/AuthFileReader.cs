using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>Reading one auth file (<c>~/.sfdx/&lt;username&gt;.json</c>), the one way every Salesforce reader does it.</summary>
internal static class AuthFileReader
{
    /// <summary>
    /// The file's JSON object, to rewrite it. Not JSON, or not an object: a LogoutException "AuthFileInvalid" naming the
    /// file (and the position, never the text: it may hold a token). A file that cannot be read throws its IOException
    /// or UnauthorizedAccessException.
    /// </summary>
    public static JsonObject Read(string path)
        => Parse(path, (object?)null, static (text, _) => JsJson.Parse(text), static (utf8, _) => JsJson.Parse(utf8)) as JsonObject
           ?? throw SalesforceErrors.AuthFileNotObject(path);

    /// <summary>
    /// The file's JSON object, or null and why not (naming the file) when it is not a JSON object, is not JSON or
    /// cannot be read.
    /// </summary>
    public static JsonObject? TryRead(string path, out string? problem) => TryParse(path, (object?)null, static (file, _) => Read(file), out problem);

    /// <summary>
    /// The file's fields (see AuthFields; <paramref name="check"/> is given each secret), or null and why not (naming the
    /// file) when it is not a JSON object, is not JSON or cannot be read.
    /// </summary>
    public static AuthFields? TryReadFields(string path, SecretCheck? check, out string? problem)
        => TryParse(path, check, ReadFields, out problem);

    // Static delegates with the check passed along: a listing reads 10,000 files, and closures per file were garbage
    // enough to cost it a collection.
    private static readonly Func<string, SecretCheck?, AuthFields> ReadFields = static (file, check)
        => Parse(file, check, static (text, c) => AuthFields.Parse(text, c), static (utf8, c) => AuthFields.Parse(utf8, c))
           ?? throw SalesforceErrors.AuthFileNotObject(file);

    private static T? TryParse<TState, T>(string path, TState state, Func<string, TState, T> parse, out string? problem) where T : class
    {
        problem = null;
        try
        {
            return parse(path, state);
        }
        catch (LogoutException e)
        {
            problem = e.Message;
        }
        // ArgumentException: a path built from a username holding a NUL, which names no file (for sf either), or text
        // that no UTF-8 can hold (a lone surrogate in a UTF-16 file).
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            problem = $"The auth file {path} cannot be read ({e.Message}).";
        }
        return null;
    }

    /// <summary>The file's JSON as JSON.parse reads the text File.ReadAllText decodes (see FileText), its failures in sf's terms.</summary>
    private static T Parse<TState, T>(string path, TState state, Func<string, TState, T> fromText, Func<ReadOnlyMemory<byte>, TState, T> fromUtf8)
    {
        try
        {
            // Both readers copy what they keep: FileText wipes the buffer, which held (encrypted) tokens.
            return FileText.Read(path, state, fromText, fromUtf8);
        }
        catch (JsonException e)
        {
            throw SalesforceErrors.AuthFileInvalid(path, e);
        }
        catch (InvalidOperationException e)
        {
            // An escaped lone surrogate in a string that had to be decoded: one bad file must not stop the listing.
            throw SalesforceErrors.AuthFileUndecodable(path, e);
        }
    }
}
