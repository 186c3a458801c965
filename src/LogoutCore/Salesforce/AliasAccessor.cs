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
    /// <summary>sf's getAll: all aliases in file order (missing file: none). Throws AliasFileInvalid, FileReadFailed.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> GetAll(string aliasFile)
        // Read from the parsed document: building nodes and cloning "orgs" cost more than parsing an alias.json of 10,000
        // orgs (listing and tab completion read it each time).
        => Read(aliasFile, static document =>
        {
            var orgs = default(JsonElement);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                foreach (var member in document.RootElement.EnumerateObject())
                    if (member.NameEquals("orgs")) orgs = member.Value; // JSON.parse: the last one
            return orgs.ValueKind == JsonValueKind.Object ? JsJson.StringMembers(orgs) : Array.Empty<KeyValuePair<string, string>>();
        }, Array.Empty<KeyValuePair<string, string>>(), locked: false);

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
        => Read(aliasFile, static document => JsJson.ToNode(document) is JsonObject root && root["orgs"] is JsonObject orgs ? orgs : null, null, locked)
           ?? new JsonObject();

    /// <summary>alias.json read by <paramref name="parse"/> (see <see cref="ReadOrgs"/> for the patience), its failures in sf's terms.</summary>
    private static T Read<T>(string aliasFile, Func<JsonDocument, T> parse, T missing, bool locked)
    {
        try
        {
            return LockAwareJsonFile.Read(aliasFile, parse, missing, patience: locked ? TimeSpan.Zero : null);
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
