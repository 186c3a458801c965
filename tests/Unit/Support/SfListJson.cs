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

    /// <summary>sf's result array, keyed by username, with accessToken removed and null members dropped.</summary>
    public static SortedDictionary<string, string> Normalise(JsonArray result)
    {
        var byUser = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in result.OfType<JsonObject>())
        {
            var copy = (JsonObject)entry.DeepClone();
            copy.Remove("accessToken");
            foreach (var key in copy.Where(p => p.Value is null).Select(p => p.Key).ToList()) copy.Remove(key);
            var sorted = new JsonObject();
            foreach (var pair in copy.OrderBy(p => p.Key, StringComparer.Ordinal)) sorted[pair.Key] = pair.Value?.DeepClone();
            byUser[JsJsonText(copy["username"])] = sorted.ToJsonString();
        }
        return byUser;
    }

    private static string JsJsonText(JsonNode? node) => node?.GetValue<string>() ?? "";
}
