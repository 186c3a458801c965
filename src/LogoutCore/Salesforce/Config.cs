using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// sf's config files: reading one location (<c>.sf/config.json</c> merged with its legacy mirror by mtime),
/// the effective view (env &gt; project-local &gt; global), and unsetting keys the way sf writes them.
/// </summary>
public static class Config
{
    public const string TargetOrg = "target-org";
    public const string TargetDevHub = "target-dev-hub";

    // New key name -> name in the legacy sfdx-config.json mirror. Other keys are copied unchanged.
    private static readonly Dictionary<string, string> MirrorNames = new()
    {
        [TargetOrg] = "defaultusername",
        [TargetDevHub] = "defaultdevhubusername",
        ["org-instance-url"] = "instanceUrl",
        ["org-api-version"] = "apiVersion",
        ["disable-telemetry"] = "disableTelemetry",
        ["org-max-query-limit"] = "maxQueryLimit",
        ["org-metadata-rest-deploy"] = "restDeploy",
        ["org-custom-metadata-templates"] = "customOrgMetadataTemplates",
        ["org-isv-debugger-sid"] = "isvDebuggerSid",
        ["org-isv-debugger-url"] = "isvDebuggerUrl",
    };

    private static readonly Dictionary<string, string> NewNames = Inverse(MirrorNames);

    // Environment variables per key, newest name first (a new name beats its synonym).
    private static readonly Dictionary<string, string[]> EnvironmentNames = new()
    {
        [TargetOrg] = new[] { "SF_TARGET_ORG", "SF_DEFAULTUSERNAME", "SFDX_DEFAULTUSERNAME" },
        [TargetDevHub] = new[] { "SF_TARGET_DEV_HUB", "SFDX_DEFAULTDEVHUBUSERNAME" },
    };

    /// <summary>
    /// The map read backwards (value to key). A loop, not ToDictionary: LINQ over KeyValuePair instantiates generic code
    /// that no ReadyToRun image holds, JIT-compiled in every fresh pwsh before its first listing (issue 13).
    /// </summary>
    private static Dictionary<string, string> Inverse(Dictionary<string, string> map)
    {
        var inverse = new Dictionary<string, string>(map.Count);
        foreach (var pair in map) inverse.Add(pair.Value, pair.Key);
        return inverse;
    }

    /// <summary>
    /// One location's contents: <c>.sf/config.json</c>, then the translated mirror; a mirror value wins only when the
    /// mirror is strictly newer, and keys only in the mirror are always added.
    /// </summary>
    /// <param name="locked">Whether the caller holds the lock of <c>.sf/config.json</c> (no writer can be at work).</param>
    public static JsonObject ReadLocation(ConfigPair pair, SalesforceContext context, bool locked = false)
    {
        var merged = ReadObject(pair.ConfigFile, pair.ConfigFile, locked);
        if (IgnoresMirror(context) || !File.Exists(pair.MirrorFile)) return merged;
        var mirror = ReadObject(pair.MirrorFile, pair.ConfigFile, locked);
        var mirrorIsNewer = !File.Exists(pair.ConfigFile)
            || File.GetLastWriteTimeUtc(pair.MirrorFile) > File.GetLastWriteTimeUtc(pair.ConfigFile);
        foreach (var entry in mirror)
        {
            var key = NewNames.TryGetValue(entry.Key, out var newName) ? newName : entry.Key;
            if (!merged.ContainsKey(key)) merged[key] = entry.Value?.DeepClone();
            else if (mirrorIsNewer) merged[key] = entry.Value?.DeepClone();
        }
        return merged;
    }

    /// <summary>The effective config: global keys, overridden and extended by the project's, then by the environment.</summary>
    public static IReadOnlyList<ConfigEntry> ReadEffective(SalesforcePaths paths, SalesforceContext context)
    {
        var entries = new List<ConfigEntry>();
        void Apply(string key, string? value, ConfigSource source)
        {
            var index = entries.FindIndex(entry => entry.Key == key);
            var entry = new ConfigEntry(key, value, source);
            if (index < 0) entries.Add(entry);
            else entries[index] = entry;
        }

        foreach (var pair in ReadLocation(paths.GlobalConfig, context)) Apply(pair.Key, JsJson.AsString(pair.Value), ConfigSource.Global);
        if (paths.LocalConfig is { } local)
        {
            foreach (var pair in ReadLocation(local, context)) Apply(pair.Key, JsJson.AsString(pair.Value), ConfigSource.Local);
        }
        foreach (var key in EnvironmentNames.Keys.Concat(entries.Select(entry => entry.Key)).Distinct().ToList())
        {
            var value = EnvironmentValue(key, context);
            if (value is not null) Apply(key, value, ConfigSource.Environment);
        }
        return entries;
    }

    /// <summary>
    /// sf's unset, for a caller holding the lock of <c>.sf/config.json</c>: the location re-read (a concurrent sf may have
    /// changed it since the plan), without each of <paramref name="planned"/> (key, value) whose key still holds that
    /// value; a key sf has changed meanwhile is kept. Adds the removed ones to <paramref name="removed"/>; null when
    /// nothing is to be removed (nothing to write). Throws ConfigFileInvalid naming the file.
    /// </summary>
    internal static JsonObject? Unset(ConfigPair pair, IEnumerable<KeyValuePair<string, string>> planned, SalesforceContext context, ICollection<KeyValuePair<string, string>> removed)
    {
        var contents = ReadLocation(pair, context, locked: true);
        var count = removed.Count;
        foreach (var entry in planned)
        {
            if (JsJson.AsString(contents[entry.Key]) != entry.Value) continue;
            contents.Remove(entry.Key);
            removed.Add(entry);
        }
        return removed.Count > count ? contents : null;
    }

    /// <summary>
    /// sf's write of one location, for a caller holding the lock of <c>.sf/config.json</c>: the full contents, then the
    /// mirror rewritten from them (empty is <c>{}</c>; neither file is deleted). Each file is replaced atomically.
    /// </summary>
    internal static void Write(ConfigPair pair, JsonObject contents, SalesforceContext context)
    {
        AtomicFile.WriteAllText(pair.ConfigFile, JsJson.Stringify(contents, 2));
        if (IgnoresMirror(context)) return;
        FilePermissions.CreateDirectory(Path.GetDirectoryName(pair.MirrorFile)!);
        AtomicFile.WriteAllText(pair.MirrorFile, JsJson.Stringify(ToMirror(contents), 2));
    }

    /// <summary>The keys of one location whose value is exactly one of <paramref name="names"/>.</summary>
    public static IReadOnlyList<string> KeysNaming(JsonObject contents, ICollection<string> names)
        => contents.Where(pair => JsJson.AsString(pair.Value) is { } value && names.Contains(value)).Select(pair => pair.Key).ToList();

    public static string MirrorName(string key) => MirrorNames.TryGetValue(key, out var old) ? old : key;

    private static JsonObject ToMirror(JsonObject contents)
    {
        var mirror = new JsonObject();
        foreach (var pair in contents) mirror[MirrorName(pair.Key)] = pair.Value?.DeepClone();
        return mirror;
    }

    private static string? EnvironmentValue(string key, SalesforceContext context)
    {
        var names = EnvironmentNames.TryGetValue(key, out var known) ? known : new[] { "SF_" + key.ToUpperInvariant().Replace('-', '_') };
        return names.Select(context.Variable).FirstOrDefault(value => value is not null);
    }

    private static bool IgnoresMirror(SalesforceContext context)
        => string.Equals(context.Variable("SF_SFDX_INTEROPERABILITY"), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// One config file; sf writes both files of a pair under the lock of <paramref name="lockFile"/> (.sf/config.json),
    /// so outside that lock a half-written file is read again until the writer is done (see LockAwareJsonFile).
    /// </summary>
    private static JsonObject ReadObject(string path, string lockFile, bool locked)
    {
        if (!File.Exists(path)) return new JsonObject();
        try
        {
            return LockAwareJsonFile.Read(path, lockFile, locked ? TimeSpan.Zero : null) as JsonObject
                ?? throw SalesforceErrors.ConfigFileNotObject(path);
        }
        catch (JsonException e)
        {
            throw SalesforceErrors.ConfigFileInvalid(path, e);
        }
        catch (IOException e)
        {
            throw SalesforceErrors.FileReadFailed(path, e);
        }
    }
}
