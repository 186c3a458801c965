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
        => Read(path, JsJson.Parse, null, lockFile, patience);

    /// <summary>
    /// <see cref="Read(string, string?, TimeSpan?)"/> with the file's text read by <paramref name="parse"/> instead of into
    /// nodes (which must throw JsonException for text that is not JSON), or <paramref name="missing"/> when it does not exist.
    /// </summary>
    public static T Read<T>(string path, Func<string, T> parse, T missing, string? lockFile = null, TimeSpan? patience = null)
    {
        var lockPath = Path.GetFullPath(lockFile ?? path) + ".lock";
        var limit = patience ?? TimeSpan.FromTicks(DirectoryLock.SalesforceRetries.Delay.Ticks * DirectoryLock.SalesforceRetries.Retries);
        var clock = Stopwatch.StartNew();
        string? previous = null;
        while (true)
        {
            if (!File.Exists(path)) return missing;
            var text = File.ReadAllText(path);
            try
            {
                return parse(text);
            }
            catch (JsonException) when (clock.Elapsed < limit && (Directory.Exists(lockPath) || text != previous))
            {
                previous = text;
                Thread.Sleep(RetryEvery);
            }
        }
    }
}
