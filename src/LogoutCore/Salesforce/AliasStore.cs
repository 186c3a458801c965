using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary><c>~/.sfdx/alias.json</c>: <c>{"orgs":{"alias":"username"}}</c>. Only "orgs" is read, and every write holds only "orgs".</summary>
public static class AliasStore
{
    /// <summary>All aliases in file order (missing file: none).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string aliasFile)
    {
        var orgs = ReadOrgs(aliasFile);
        return orgs.Where(pair => JsJson.AsString(pair.Value) is not null)
            .Select(pair => new KeyValuePair<string, string>(pair.Key, JsJson.AsString(pair.Value)!))
            .ToList();
    }

    /// <summary>The aliases naming <paramref name="username"/> (exact, case-sensitive), in file order.</summary>
    public static IReadOnlyList<string> AliasesOf(IEnumerable<KeyValuePair<string, string>> aliases, string username)
        => aliases.Where(pair => pair.Value == username).Select(pair => pair.Key).ToList();

    /// <summary>
    /// Removes aliases in one lock cycle and one rewrite (sf takes one cycle per alias, which is what makes its
    /// --all slow). Re-reads inside the lock so a concurrent sf's changes are kept. Returns the aliases removed.
    /// </summary>
    public static IReadOnlyList<string> Remove(string aliasFile, IReadOnlyCollection<string> aliases, LockRetryPolicy? lockPolicy = null)
    {
        if (aliases.Count == 0 || !File.Exists(aliasFile)) return Array.Empty<string>();
        using var fileLock = DirectoryLock.Acquire(aliasFile, lockPolicy);
        var orgs = ReadOrgs(aliasFile);
        var removed = aliases.Where(orgs.ContainsKey).ToList();
        if (removed.Count == 0) return removed;
        foreach (var alias in removed) orgs.Remove(alias);
        AtomicFile.WriteAllText(aliasFile, JsJson.Stringify(new JsonObject { ["orgs"] = orgs }));
        return removed;
    }

    private static JsonObject ReadOrgs(string aliasFile)
    {
        if (!File.Exists(aliasFile)) return new JsonObject();
        try
        {
            var root = JsJson.Parse(File.ReadAllText(aliasFile)) as JsonObject;
            return root?["orgs"] is JsonObject orgs ? (JsonObject)orgs.DeepClone() : new JsonObject();
        }
        catch (JsonException e)
        {
            throw new LogoutException("AliasFileInvalid", ErrorKind.InvalidData, aliasFile, $"The sf alias file {aliasFile} is not valid JSON: {e.Message}", e);
        }
    }
}
