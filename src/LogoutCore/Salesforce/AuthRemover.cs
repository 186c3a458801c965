using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// Where Disconnect-Org changes files: the effects of sf's AuthRemover.removeAuth, applied as one DisconnectOrgPlan.
/// For all planned orgs together: unset the config keys naming them (both files of each location), remove their aliases
/// from alias.json (one lock cycle, one rewrite), then delete their auth files.
/// key.json, sandbox files, <c>&lt;orgId&gt;.json</c> and a project's <c>.sf/orgs/</c> are never touched.
/// </summary>
internal static class AuthRemover
{
    /// <summary>
    /// Applies <paramref name="plan"/>. First every lock it needs (each config location with a key to unset, then
    /// alias.json); every file is re-read inside its lock and checked before any is written, so a held lock (LockHeld)
    /// or an invalid file (ConfigFileInvalid, AliasFileInvalid) throws before anything changes and the orgs stay logged
    /// in. An entry a concurrent sf changed since the plan is kept. Then each auth file is deleted (sf takes no lock
    /// for that); a failure there is a per-org error. Nothing is written to the host meanwhile, so neither Ctrl+C nor a
    /// stream's stop can interrupt the changes half-way: what the host should be told is added to <paramref name="report"/>.
    /// From the first write to the last auth file a LogoutJournal records the orgs, so a run killed (or failing) in
    /// between is finished by the next Disconnect-Org.
    /// Returns the results of the orgs whose auth file was removed, in plan order. A write failure throws FileWriteFailed
    /// naming the file.
    /// </summary>
    public static IReadOnlyList<OrgLogoutResult> Apply(DisconnectOrgPlan plan, IReadOnlyDictionary<OrgLogoutPlan, RevocationOutcome> revocations,
        SalesforceContext context, LockRetryPolicy? lockPolicy, List<Action<IHostInteraction>> report)
    {
        var paths = plan.Paths;
        var keysByFile = plan.Orgs.SelectMany(org => org.ConfigKeys).ToLookup(key => key.Key.ConfigFile, StringComparer.Ordinal);
        var pairs = paths.ConfigPairs.Where(pair => keysByFile.Contains(pair.ConfigFile)).ToList();
        var aliases = plan.Orgs.SelectMany(org => org.Aliases).ToList();
        var keysRemoved = new HashSet<(string File, string Key)>();
        var aliasesRemoved = new List<KeyValuePair<string, string>>();

        var locks = new List<DirectoryLock>();
        LogoutJournal? journal = null;
        try
        {
            foreach (var pair in pairs) locks.Add(Guard(pair.ConfigFile, () => DirectoryLock.Acquire(pair.ConfigFile, lockPolicy)));
            if (aliases.Count > 0) locks.Add(Guard(paths.AliasFile, () => DirectoryLock.Acquire(paths.AliasFile, lockPolicy)));

            var writes = new List<(string File, Action Write)>();
            foreach (var pair in pairs)
            {
                var removed = new List<KeyValuePair<string, string>>();
                var contents = Config.Unset(pair, keysByFile[pair.ConfigFile].Select(key => new KeyValuePair<string, string>(key.Key.Key, key.Value)), context, removed);
                if (contents is not null) writes.Add((pair.ConfigFile, () => Config.Write(pair, contents, context)));
                foreach (var entry in removed) keysRemoved.Add((pair.ConfigFile, entry.Key));
            }
            var orgs = AliasAccessor.Unset(paths.AliasFile, aliases, aliasesRemoved);
            if (orgs is not null) writes.Add((paths.AliasFile, () => AliasAccessor.Write(paths.AliasFile, orgs)));

            // From the first write to the last auth file, the next run finishes what a stop here leaves (LogoutJournal).
            if (writes.Count > 0) journal = LogoutJournal.Begin(paths, plan.Orgs.Select(org => org.Org));
            foreach (var (file, write) in writes) Guard(file, () => { write(); return true; });
        }
        catch
        {
            journal?.Dispose(); // kept on disk: the next run finishes the logout
            throw;
        }
        finally
        {
            for (var index = locks.Count - 1; index >= 0; index--) locks[index].Dispose();
        }

        var aliasRemoved = new HashSet<(string, string)>(aliasesRemoved.Select(alias => (alias.Key, alias.Value)));
        var results = new List<OrgLogoutResult>();
        try
        {
            // The deletions on every core (each an unlink); their outcomes are reported below in plan order.
            var deleteFailures = new LogoutError?[plan.Orgs.Count];
            AllCores.ForEachIndex(plan.Orgs.Count, index =>
            {
                if (plan.Orgs[index].DeletesAuthFile) deleteFailures[index] = DeleteAuthFile(plan.Orgs[index].Org);
            });
            for (var index = 0; index < plan.Orgs.Count; index++)
            {
                var org = plan.Orgs[index];
                // Loops, not LINQ: this runs once per org of a -All logout, and nearly every org has no config key.
                List<UnsetConfigKey>? keys = null;
                foreach (var (key, value) in org.ConfigKeys)
                {
                    if (!keysRemoved.Contains((key.ConfigFile, key.Key))) continue;
                    (keys ??= new List<UnsetConfigKey>(1)).Add(key);
                    report.Add(host => host.WriteVerbose($"Unset {key.Key} ({value}) in {key.ConfigFile} and {key.MirrorKey} in {key.MirrorFile}."));
                }
                var removedAliases = Removed(org.Aliases, aliasRemoved);
                if (removedAliases.Length > 0)
                    report.Add(host => host.WriteVerbose($"Removed alias(es) {string.Join(", ", removedAliases)} of {org.Org.Username} from {paths.AliasFile}."));
                if (!org.DeletesAuthFile)
                {
                    report.Add(host => host.WriteWarning(StrayCopyLeft(org.Org.AuthFile, org.Org.Username)));
                    continue;
                }
                if (deleteFailures[index] is { } failure)
                {
                    report.Add(host => host.WriteError(failure));
                    continue;
                }
                var revocation = revocations.TryGetValue(org, out var outcome) ? outcome : null;
                results.Add(new OrgLogoutResult(org.Org.Username, org.Org.OrgId, org.Org.AuthFile)
                {
                    HomePath = org.Org.HomePath,
                    AuthFileRemoved = true,
                    AliasesRemoved = removedAliases,
                    ConfigKeysUnset = keys?.ToArray() ?? Array.Empty<UnsetConfigKey>(),
                    Revocation = revocation?.Status ?? RevocationStatus.NotRequested,
                    RevocationReason = revocation?.Reason,
                });
            }
            journal?.Complete();
        }
        finally
        {
            journal?.Dispose();
        }
        return results;
    }

    /// <summary>The names of the <paramref name="planned"/> aliases that were removed, in plan order.</summary>
    private static string[] Removed(IReadOnlyList<KeyValuePair<string, string>> planned, HashSet<(string, string)> removed)
    {
        var names = new List<string>(planned.Count);
        for (var index = 0; index < planned.Count; index++)
            if (removed.Contains((planned[index].Key, planned[index].Value))) names.Add(planned[index].Key);
        return names.Count == 0 ? Array.Empty<string>() : names.ToArray();
    }

    /// <summary>What happens to an auth file whose name is not its username (sf never deletes it).</summary>
    public static string StrayCopyLeft(string authFile, string username)
        => $"The auth file {authFile} says its username is {username}, which is not its name; like sf, it was left in place.";

    /// <summary>
    /// sf org logout --client-app: deletes <c>clientApps.NAME</c> (the whole clientApps key when it was the last) under
    /// the auth file's lock, leaving every other value byte-identical. The org stays logged in.
    /// </summary>
    public static OrgLogoutResult RemoveClientApp(OrgAuthorization org, string clientApp, LockRetryPolicy? lockPolicy = null)
    {
        return Guard(org.AuthFile, () =>
        {
            using var fileLock = DirectoryLock.Acquire(org.AuthFile, lockPolicy);
            var json = AuthFileReader.Read(org.AuthFile);
            var apps = json["clientApps"] as JsonObject;
            if (apps is null || apps.Count == 0)
                throw SalesforceErrors.NoLinkedApps(org.Username);
            if (!apps.ContainsKey(clientApp))
                throw SalesforceErrors.InvalidClientApp(org.Username, clientApp);
            apps.Remove(clientApp);
            if (apps.Count == 0) json.Remove("clientApps");
            AtomicFile.WriteAllText(org.AuthFile, JsJson.Stringify(json, 2));
            return new OrgLogoutResult(org.Username, org.OrgId, org.AuthFile) { ClientAppRemoved = clientApp, HomePath = org.HomePath };
        });
    }

    /// <summary>
    /// Deletes the org's auth file: null when done, else the error (AuthFileMissing, AuthFileNotRemoved). sf unlinks the
    /// auth file without a lock; a file already gone is an error, as in sf.
    /// </summary>
    private static LogoutError? DeleteAuthFile(OrgAuthorization org)
    {
        try
        {
            return FileRemoval.TryDelete(org.AuthFile) ? null : SalesforceErrors.AuthFileMissing(org.Username, org.AuthFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return SalesforceErrors.AuthFileNotRemoved(org.Username, org.AuthFile, e);
        }
    }

    /// <summary>Turns a file failure into an error naming the file (AtomicFile has already left the original intact).</summary>
    private static T Guard<T>(string file, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw SalesforceErrors.FileWriteFailed(file, e);
        }
    }
}
