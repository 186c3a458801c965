using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// Reads a JSON file that sf rewrites in place: @salesforce/core's writers (AliasAccessor, ConfigFile) truncate and
/// rewrite the file while holding its proper-lockfile lock (<c>&lt;file&gt;.lock</c>), so a reader without the lock can see
/// an empty or half-written file. A parse failure is retried while a writer is at work (its lock exists, or the text
/// changed since the last try), for at most sf's own lock wait; a file that stays the same and unlocked is really invalid.
/// </summary>
public static class LockAwareJsonFile
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The parsed contents of <paramref name="path"/>, or null when it does not exist. <paramref name="lockFile"/> is the
    /// file whose lock its writer takes (the file itself, or <c>.sf/config.json</c> for its legacy mirror).
    /// Throws the last JsonException when the file stays invalid; IOException/UnauthorizedAccessException as File does.
    /// </summary>
    public static JsonNode? Read(string path, string? lockFile = null, TimeSpan? patience = null)
        => Read(path, JsJson.ToNode, null, lockFile, patience);

    /// <summary>
    /// <see cref="Read(string, string?, TimeSpan?)"/> with the file's document given to <paramref name="read"/> (parsed as
    /// JsJson.ParseDocument parses it, valid only during the call) instead of turned into nodes, or
    /// <paramref name="missing"/> when the file does not exist.
    /// </summary>
    public static T Read<T>(string path, Func<JsonDocument, T> read, T missing, string? lockFile = null, TimeSpan? patience = null)
    {
        var lockPath = Path.GetFullPath(lockFile ?? path) + ".lock";
        var limit = patience ?? TimeSpan.FromTicks(DirectoryLock.SalesforceRetries.Delay.Ticks * DirectoryLock.SalesforceRetries.Retries);
        var clock = Stopwatch.StartNew();
        byte[]? previous = null;
        while (true)
        {
            if (!File.Exists(path)) return missing;
            try
            {
                // From the file's UTF-8 as it is: alias.json of 10,000 orgs is half a megabyte, read at every listing.
                return FileText.Read(path, read, static (text, reader) =>
                {
                    using var document = JsJson.ParseDocument(text);
                    return reader(document);
                }, static (utf8, reader) =>
                {
                    using var document = JsJson.ParseDocument(utf8);
                    return reader(document);
                });
            }
            catch (JsonException) when (clock.Elapsed < limit && (Directory.Exists(lockPath) || Changed(path, ref previous)))
            {
                Thread.Sleep(RetryEvery);
            }
        }
    }

    /// <summary>Whether the file's bytes differ from <paramref name="previous"/> (the last failed try's), which become them.</summary>
    private static bool Changed(string path, ref byte[]? previous)
    {
        byte[] now;
        try
        {
            now = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true; // gone or replaced meanwhile: a writer is at work
        }
        var changed = previous is null || !now.AsSpan().SequenceEqual(previous);
        previous = now;
        return changed;
    }
}
