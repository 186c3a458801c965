using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>Reading one auth file (<c>~/.sfdx/&lt;username&gt;.json</c>), the one way every Salesforce reader does it.</summary>
internal static class AuthFileReader
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
            node = Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw SalesforceErrors.AuthFileInvalid(path, e);
        }
        return node as JsonObject
            ?? throw SalesforceErrors.AuthFileNotObject(path);
    }

    /// <summary>
    /// The file's JSON as JSON.parse reads the text File.ReadAllText decodes (UTF-8, a byte order mark honoured), without
    /// StreamReader's buffers: a listing reads every auth file, and those buffers were ten times the size of a typical one.
    /// </summary>
    private static JsonNode? Parse(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] is 0xFE or 0xFF or 0x00)
        {
            // A UTF-16 or UTF-32 byte order mark, perhaps: StreamReader's detection, as File.ReadAllText does it.
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return JsJson.Parse(reader.ReadToEnd());
        }
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
#if NET8_0_OR_GREATER
        // Valid UTF-8 (every file sf writes) is parsed as it is; decoding it would change nothing.
        if (System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(bom))) return JsJson.Parse(bytes.AsMemory(bom));
#endif
        return JsJson.Parse(Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom));
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
        // ArgumentException: a path built from a username holding a NUL, which names no file (for sf either).
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            problem = $"The auth file {path} cannot be read ({e.Message}).";
        }
        return null;
    }
}
