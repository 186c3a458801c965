using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// <c>~/.sfdx/alias.json</c> as sf's AliasAccessor (@salesforce/core stateAggregator) reads and writes it:
/// <c>{"orgs":{"alias":"username"}}</c>. Only "orgs" is read, and every write holds only "orgs".
/// </summary>
public static class AliasAccessor
{
    /// <summary>sf's getAll: all aliases in file order (missing file: none).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> GetAll(string aliasFile)
    {
        var orgs = ReadOrgs(aliasFile);
        return orgs.Where(pair => JsJson.AsString(pair.Value) is not null)
            .Select(pair => new KeyValuePair<string, string>(pair.Key, JsJson.AsString(pair.Value)!))
            .ToList();
    }

    /// <summary>
    /// sf's unsetValuesAndSave: removes every alias naming one of <paramref name="usernames"/> in one lock cycle and one rewrite (sf takes one
    /// cycle per alias, which is what makes its --all slow). Nothing is locked or written when no alias names them.
    /// Re-reads inside the lock so a concurrent sf's changes are kept. Returns the removed aliases with their usernames.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> UnsetValuesAndSave(string aliasFile, ICollection<string> usernames, LockRetryPolicy? lockPolicy = null)
    {
        if (usernames.Count == 0 || !GetAll(aliasFile).Any(pair => usernames.Contains(pair.Value))) return Array.Empty<KeyValuePair<string, string>>();
        using var fileLock = DirectoryLock.Acquire(aliasFile, lockPolicy);
        var orgs = ReadOrgs(aliasFile, locked: true);
        var removed = orgs.Where(pair => JsJson.AsString(pair.Value) is { } username && usernames.Contains(username))
            .Select(pair => new KeyValuePair<string, string>(pair.Key, JsJson.AsString(pair.Value)!))
            .ToList();
        if (removed.Count == 0) return removed;
        // Rebuilt rather than removed one by one: JsonObject.Remove is linear, and --all removes every alias.
        var kept = new JsonObject();
        foreach (var pair in orgs.ToList())
        {
            if (!(JsJson.AsString(pair.Value) is { } username && usernames.Contains(username))) kept[pair.Key] = pair.Value?.DeepClone();
        }
        AtomicFile.WriteAllText(aliasFile, JsJson.Stringify(new JsonObject { ["orgs"] = kept }));
        return removed;
    }

    /// <summary>
    /// The "orgs" object. Outside the lock a half-written file (sf's AliasAccessor rewriting it) is read again until
    /// sf's writer is done; inside it, no writer can be at work, so invalid JSON is reported at once.
    /// </summary>
    private static JsonObject ReadOrgs(string aliasFile, bool locked = false)
    {
        try
        {
            var root = LockAwareJsonFile.Read(aliasFile, patience: locked ? TimeSpan.Zero : null) as JsonObject;
            return root?["orgs"] is JsonObject orgs ? (JsonObject)orgs.DeepClone() : new JsonObject();
        }
        catch (JsonException e)
        {
            throw SalesforceErrors.AliasFileInvalid(aliasFile, e);
        }
        catch (IOException e)
        {
            throw SalesforceErrors.FileReadFailed(aliasFile, e);
        }
    }
}
