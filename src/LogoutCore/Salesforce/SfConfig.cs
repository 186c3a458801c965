using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// sf's config files: reading one location (<c>.sf/config.json</c> merged with its legacy mirror by mtime),
/// the effective view (env &gt; project-local &gt; global), and unsetting keys the way sf writes them.
/// </summary>
public static class SfConfig
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

    private static readonly Dictionary<string, string> NewNames = MirrorNames.ToDictionary(pair => pair.Value, pair => pair.Key);

    // Environment variables per key, newest name first (a new name beats its synonym).
    private static readonly Dictionary<string, string[]> EnvironmentNames = new()
    {
        [TargetOrg] = new[] { "SF_TARGET_ORG", "SF_DEFAULTUSERNAME", "SFDX_DEFAULTUSERNAME" },
        [TargetDevHub] = new[] { "SF_TARGET_DEV_HUB", "SFDX_DEFAULTDEVHUBUSERNAME" },
    };

    /// <summary>
    /// One location's contents: <c>.sf/config.json</c>, then the translated mirror; a mirror value wins only when the
    /// mirror is strictly newer, and keys only in the mirror are always added.
    /// </summary>
    /// <param name="locked">Whether the caller holds the lock of <c>.sf/config.json</c> (no writer can be at work).</param>
    public static JsonObject ReadLocation(ConfigPair pair, SfContext context, bool locked = false)
    {
        var merged = ReadObject(pair.ConfigFile, pair.ConfigFile, locked);
        if (IgnoresMirror(context) || !File.Exists(pair.MirrorFile)) return merged;
        var mirror = ReadObject(pair.MirrorFile, pair.ConfigFile, locked);
        var mirrorIsNewer = !File.Exists(pair.ConfigFile)
            || File.GetLastWriteTimeUtc(pair.MirrorFile) > File.GetLastWriteTimeUtc(pair.ConfigFile);
        foreach (var entry in mirror.ToList())
        {
            var key = NewNames.TryGetValue(entry.Key, out var newName) ? newName : entry.Key;
            if (!merged.ContainsKey(key)) merged[key] = entry.Value?.DeepClone();
            else if (mirrorIsNewer) merged[key] = entry.Value?.DeepClone();
        }
        return merged;
    }

    /// <summary>The effective config: global keys, overridden and extended by the project's, then by the environment.</summary>
    public static IReadOnlyList<ConfigEntry> ReadEffective(SfPaths paths, SfContext context)
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
    /// Unsets every key of one location whose value is exactly one of <paramref name="names"/>, the way sf writes:
    /// nothing at all (no lock, no write) when no key names them; otherwise under the lock of <c>.sf/config.json</c>,
    /// re-read, write the full contents, then rewrite the mirror from them (empty is <c>{}</c>; neither file is deleted).
    /// Returns the keys removed with the value each had.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> UnsetKeysNaming(ConfigPair pair, ICollection<string> names, SfContext context, LockRetryPolicy? lockPolicy = null)
    {
        if (KeysNaming(ReadLocation(pair, context), names).Count == 0) return Array.Empty<KeyValuePair<string, string>>();
        using var fileLock = DirectoryLock.Acquire(pair.ConfigFile, lockPolicy);
        // Re-read inside the lock: a concurrent sf may have changed a value since the first look.
        var contents = ReadLocation(pair, context, locked: true);
        var removed = KeysNaming(contents, names).Select(key => new KeyValuePair<string, string>(key, JsJson.AsString(contents[key])!)).ToList();
        if (removed.Count == 0) return removed;
        foreach (var entry in removed) contents.Remove(entry.Key);
        AtomicFile.WriteAllText(pair.ConfigFile, JsJson.Stringify(contents, 2));
        if (!IgnoresMirror(context))
        {
            FilePermissions.CreateDirectory(Path.GetDirectoryName(pair.MirrorFile)!);
            AtomicFile.WriteAllText(pair.MirrorFile, JsJson.Stringify(ToMirror(contents), 2));
        }
        return removed;
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

    private static string? EnvironmentValue(string key, SfContext context)
    {
        var names = EnvironmentNames.TryGetValue(key, out var known) ? known : new[] { "SF_" + key.ToUpperInvariant().Replace('-', '_') };
        return names.Select(context.Variable).FirstOrDefault(value => value is not null);
    }

    private static bool IgnoresMirror(SfContext context)
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
