using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>Reading one auth file (<c>~/.sfdx/&lt;username&gt;.json</c>), the one way every Salesforce reader does it.</summary>
internal static class SfAuthFile
{
    /// <summary>
    /// The file's JSON object. Not JSON, or not an object: a LogoutException "AuthFileInvalid" naming the file (and the
    /// position, never the text: it may hold a token). A file that cannot be read throws its IOException or
    /// UnauthorizedAccessException.
    /// </summary>
    public static JsonObject Read(string path)
    {
        JsonNode? node;
        try
        {
            node = JsJson.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw SalesforceErrors.AuthFileInvalid(path, e);
        }
        return node as JsonObject
            ?? throw SalesforceErrors.AuthFileNotObject(path);
    }

    /// <summary>The file's JSON object, or null and why not (naming the file) when it is invalid or cannot be read.</summary>
    public static JsonObject? TryRead(string path, out string? problem)
    {
        problem = null;
        try
        {
            return Read(path);
        }
        catch (LogoutException e)
        {
            problem = e.Message;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"The auth file {path} cannot be read ({e.Message}).";
        }
        return null;
    }
}
