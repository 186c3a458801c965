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
        // A loop, not Where/Select/ToList: LINQ over KeyValuePair instantiates generic code that no ReadyToRun image
        // holds, so a fresh pwsh JIT-compiles about twenty methods for it before its first listing (issue 13).
        var all = new List<KeyValuePair<string, string>>(orgs.Count);
        foreach (var pair in orgs)
        {
            if (JsJson.AsString(pair.Value) is { } username) all.Add(new KeyValuePair<string, string>(pair.Key, username));
        }
        return all;
    }

    /// <summary>
    /// sf's unsetValuesAndSave, for a caller holding the lock of <paramref name="aliasFile"/>: the "orgs" object re-read
    /// (a concurrent sf may have changed it since the plan), without each of <paramref name="planned"/> (alias, username)
    /// that still names that username; an alias sf has pointed elsewhere meanwhile, or added, is kept. Adds the removed
    /// ones to <paramref name="removed"/> in file order; null when nothing is to be removed. Throws AliasFileInvalid.
    /// </summary>
    internal static JsonObject? Unset(string aliasFile, IEnumerable<KeyValuePair<string, string>> planned, ICollection<KeyValuePair<string, string>> removed)
    {
        var wanted = new HashSet<(string, string)>(planned.Select(alias => (alias.Key, alias.Value)));
        if (wanted.Count == 0) return null;
        var orgs = ReadOrgs(aliasFile, locked: true);
        // Rebuilt rather than removed one by one: JsonObject.Remove is linear, and -All removes every alias.
        var kept = new JsonObject();
        var count = removed.Count;
        foreach (var pair in orgs.ToList())
        {
            if (JsJson.AsString(pair.Value) is { } username && wanted.Contains((pair.Key, username)))
                removed.Add(new KeyValuePair<string, string>(pair.Key, username));
            else kept[pair.Key] = pair.Value?.DeepClone();
        }
        return removed.Count > count ? kept : null;
    }

    /// <summary>sf's write, for a caller holding the lock: the file replaced atomically by <c>{"orgs":…}</c> alone.</summary>
    internal static void Write(string aliasFile, JsonObject orgs)
        => AtomicFile.WriteAllText(aliasFile, JsJson.Stringify(new JsonObject { ["orgs"] = orgs }));

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
