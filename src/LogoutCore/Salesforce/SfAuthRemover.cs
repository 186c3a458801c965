using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// Where Disconnect-Org changes files: the effects of sf's AuthRemover.removeAuth, batched. For all selected orgs
/// together: unset the config keys naming them (global, and project-local inside a project; both files of each pair),
/// remove their aliases from alias.json (one lock cycle, one rewrite), then delete their auth files.
/// key.json, sandbox files, <c>&lt;orgId&gt;.json</c> and a project's <c>.sf/orgs/</c> are never touched.
/// </summary>
public static class SfAuthRemover
{
    /// <summary>
    /// Removes the config keys and aliases (a lock or write failure throws a LogoutException naming the file, before
    /// any auth file is deleted, so the orgs stay logged in and a retry finishes), then each auth file (a failure
    /// there is a per-org error). Returns the results of the orgs whose auth file was removed, in input order.
    /// An org is its auth file: two files may claim one username (a copied file keeps its "username"), so nothing here
    /// is keyed by username. A file whose name is not its username is never deleted: sf deletes
    /// <c>&lt;username&gt;.json</c>, which is the other org's own file, and leaves the copy in place.
    /// </summary>
    public static IReadOnlyList<OrgLogoutResult> LogOut(IReadOnlyList<OrgLogoutResult> orgs, IReadOnlyDictionary<string, string[]> namesByAuthFile,
        SfPaths paths, SfContext context, IHostInteraction host, Action<int>? onDeletingAuthFile = null, LockRetryPolicy? lockPolicy = null)
    {
        // A name shared by a file and its copy is reported on the org whose file is really named after it.
        var ownerOfName = new Dictionary<string, OrgLogoutResult>(StringComparer.Ordinal);
        foreach (var org in orgs.OrderBy(org => IsNamedAfterItsUsername(org) ? 0 : 1))
        foreach (var name in namesByAuthFile[org.AuthFile])
            if (!ownerOfName.ContainsKey(name)) ownerOfName[name] = org;

        foreach (var pair in paths.ConfigPairs)
        {
            var removed = Guard(pair.ConfigFile, () => SfConfig.UnsetKeysNaming(pair, ownerOfName.Keys, context, lockPolicy));
            foreach (var entry in removed)
            {
                var org = ownerOfName[entry.Value];
                org.ConfigKeysUnset = org.ConfigKeysUnset
                    .Append(new UnsetConfigKey(entry.Key, SfConfig.MirrorName(entry.Key), pair.ConfigFile, pair.MirrorFile)).ToArray();
                host.WriteVerbose($"Unset {entry.Key} ({entry.Value}) in {pair.ConfigFile} and {SfConfig.MirrorName(entry.Key)} in {pair.MirrorFile}.");
            }
        }

        var usernames = new HashSet<string>(orgs.Select(org => org.Username), StringComparer.Ordinal);
        var aliases = Guard(paths.AliasFile, () => AliasAccessor.UnsetValuesAndSave(paths.AliasFile, usernames, lockPolicy));
        foreach (var group in aliases.GroupBy(alias => alias.Value))
        {
            var owner = ownerOfName[group.Key];
            owner.AliasesRemoved = group.Select(alias => alias.Key).ToArray();
            host.WriteVerbose($"Removed alias(es) {string.Join(", ", owner.AliasesRemoved)} of {group.Key} from {paths.AliasFile}.");
        }

        var loggedOut = new List<OrgLogoutResult>();
        for (var index = 0; index < orgs.Count; index++)
        {
            var org = orgs[index];
            onDeletingAuthFile?.Invoke(index);
            if (!IsNamedAfterItsUsername(org))
            {
                host.WriteWarning(StrayCopyLeft(org.AuthFile, org.Username));
                continue;
            }
            if (DeleteAuthFile(org, host)) loggedOut.Add(org);
        }
        return loggedOut;
    }

    /// <summary>What happens to an auth file whose name is not its username (sf never deletes it).</summary>
    public static string StrayCopyLeft(string authFile, string username)
        => $"The auth file {authFile} says its username is {username}, which is not its name; like sf, it was left in place.";

    private static bool IsNamedAfterItsUsername(OrgLogoutResult org) => SfOrgReader.IsNamedAfterItsUsername(org.AuthFile, org.Username);

    /// <summary>
    /// sf org logout --client-app: deletes <c>clientApps.NAME</c> (the whole clientApps key when it was the last) under
    /// the auth file's lock, leaving every other value byte-identical. The org stays logged in.
    /// </summary>
    public static OrgLogoutResult RemoveClientApp(OrgAuthorization org, string clientApp, LockRetryPolicy? lockPolicy = null)
    {
        return Guard(org.AuthFile, () =>
        {
            using var fileLock = DirectoryLock.Acquire(org.AuthFile, lockPolicy);
            var json = SfAuthFile.Read(org.AuthFile);
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

    // sf unlinks the auth file without a lock; a file already gone is an error, as in sf.
    private static bool DeleteAuthFile(OrgLogoutResult org, IHostInteraction host)
    {
        try
        {
            if (!File.Exists(org.AuthFile))
            {
                host.WriteError(SalesforceErrors.AuthFileMissing(org.Username, org.AuthFile));
                return false;
            }
            File.Delete(org.AuthFile);
            org.AuthFileRemoved = true;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            host.WriteError(SalesforceErrors.AuthFileNotRemoved(org.Username, org.AuthFile, e));
            return false;
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
