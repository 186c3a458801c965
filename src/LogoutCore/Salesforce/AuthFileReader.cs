using System.Buffers;
using System.Text;
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
        => Parse(path, text => JsJson.Parse(text), utf8 => JsJson.Parse(utf8)) as JsonObject ?? throw SalesforceErrors.AuthFileNotObject(path);

    /// <summary>
    /// The file's JSON object, or null and why not (naming the file) when it is not a JSON object, is not JSON or
    /// cannot be read.
    /// </summary>
    public static JsonObject? TryRead(string path, out string? problem) => TryParse(path, Read, out problem);

    /// <summary>
    /// The file's fields (see AuthFields; <paramref name="check"/> is given each secret), or null and why not (naming the
    /// file) when it is not a JSON object, is not JSON or cannot be read.
    /// </summary>
    public static AuthFields? TryReadFields(string path, SecretCheck? check, out string? problem)
        => TryParse(path, file => Parse(file, text => AuthFields.Parse(text, check), utf8 => AuthFields.Parse(utf8, check))
            ?? throw SalesforceErrors.AuthFileNotObject(file), out problem);

    private static T? TryParse<T>(string path, Func<string, T> parse, out string? problem) where T : class
    {
        problem = null;
        try
        {
            return parse(path);
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

    /// <summary>
    /// The file's JSON as JSON.parse reads the text File.ReadAllText decodes (UTF-8, a byte order mark honoured), without
    /// StreamReader's buffers: a listing reads every auth file, and those buffers were ten times the size of a typical
    /// one. Valid UTF-8 (every file sf writes) goes to <paramref name="fromUtf8"/> as it is; other text is decoded first.
    /// </summary>
    private static T Parse<T>(string path, Func<string, T> fromText, Func<ReadOnlyMemory<byte>, T> fromUtf8)
    {
        var (bytes, length) = ReadAllBytes(path);
        try
        {
            if (length >= 2 && bytes[0] is 0xFE or 0xFF or 0x00)
            {
                // A UTF-16 or UTF-32 byte order mark, perhaps: StreamReader's detection, as File.ReadAllText does it.
                using var reader = new StreamReader(new MemoryStream(bytes, 0, length), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                return fromText(reader.ReadToEnd());
            }
            var bom = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
#if NET8_0_OR_GREATER
            if (System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(bom, length - bom))) return fromUtf8(bytes.AsMemory(bom, length - bom));
#endif
            return fromText(Encoding.UTF8.GetString(bytes, bom, length - bom));
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
        finally
        {
            // Both readers copy what they keep; the buffer, which held (encrypted) tokens, is wiped for its next user.
            ArrayPool<byte>.Shared.Return(bytes, clearArray: true);
        }
    }

    /// <summary>
    /// File.ReadAllBytes into a buffer from the shared pool (return it): the file's length at opening, or everything up
    /// to the end when the system reports no length (procfs). A listing read 10,000 files into 10,000 new arrays.
    /// </summary>
    private static (byte[] Buffer, int Length) ReadAllBytes(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var expected = file.Length;
        if (expected > int.MaxValue) throw new IOException($"The file {path} is longer than 2 GB.");
        var buffer = ArrayPool<byte>.Shared.Rent(expected > 0 ? (int)expected : 4096);
        var length = 0;
        try
        {
            while (expected == 0 || length < expected)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    buffer = larger;
                }
                var read = file.Read(buffer, length, (int)Math.Min(buffer.Length - length, expected > 0 ? expected - length : int.MaxValue));
                if (read == 0) break;
                length += read;
            }
            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            throw;
        }
    }
}
