using System.Text.Json.Nodes;
using LogoutModule.Core.Salesforce;

namespace LogoutModule.Tests.Support;

/// <summary>
/// Projects our org objects onto the entries of <c>sf org list auth --json</c>, so a test can compare them field by field.
/// accessToken is left out: sf prints only a "[REDACTED]" placeholder, and we never expose tokens at all.
/// </summary>
public static class SfListJson
{
    public static JsonObject ToSfEntry(OrgAuthorization org)
    {
        var configs = new JsonArray(org.Configs.Select(c => (JsonNode)c).ToArray());
        JsonNode isExpired = org.IsExpired is { } expired ? expired : "unknown";
        var method = org.OAuthMethod.ToString().ToLowerInvariant();
        if (org.Error is not null)
        {
            return new JsonObject
            {
                ["configs"] = configs, ["username"] = org.Username, ["orgId"] = org.OrgId, ["instanceUrl"] = org.InstanceUrl,
                ["oauthMethod"] = method, ["error"] = org.Error, ["isExpired"] = isExpired, ["alias"] = org.Alias,
            };
        }
        return new JsonObject
        {
            ["configs"] = configs, ["username"] = org.Username, ["instanceUrl"] = org.InstanceUrl,
            ["isScratchOrg"] = org.IsScratchOrg, ["isDevHub"] = org.IsDevHub, ["isSandbox"] = org.IsSandbox,
            ["orgId"] = org.OrgId, ["oauthMethod"] = method, ["isExpired"] = isExpired, ["alias"] = org.Alias,
        };
    }

    /// <summary>
    /// sf's result array as a sorted list of canonical entries (keys sorted, accessToken and null members dropped),
    /// so two listings compare equal whatever their order; a username listed twice (a copied auth file) stays twice.
    /// </summary>
    public static List<string> Normalise(JsonArray result)
    {
        var entries = new List<string>();
        foreach (var entry in result.OfType<JsonObject>())
        {
            var sorted = new JsonObject();
            foreach (var pair in entry.Where(p => p.Key != "accessToken" && p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal))
                sorted[pair.Key] = pair.Value!.DeepClone();
            entries.Add(sorted.ToJsonString());
        }
        entries.Sort(StringComparer.Ordinal);
        return entries;
    }
}
