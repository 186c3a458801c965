using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// What Disconnect-Org will change in one home, computed once per run from the files as listed: per org, the config
/// keys naming it (both files of each location, the project's only inside a project), its aliases, its auth file and,
/// with -Revoke, where its token goes. ShouldProcess shows it and AuthRemover applies exactly it.
/// </summary>
internal sealed record DisconnectOrgPlan(SalesforcePaths Paths, IReadOnlyList<OrgLogoutPlan> Orgs)
{
    /// <summary>
    /// The plan for <paramref name="orgs"/>. An org is its auth file: two files may claim one username (a copied file
    /// keeps its "username"), so a name (username or alias) shared by a file and its copy is planned once, on the org
    /// whose file is really named after it; the copy's file is left, as sf leaves it. Throws ConfigFileInvalid or
    /// AliasFileInvalid naming the file.
    /// </summary>
    public static DisconnectOrgPlan For(IReadOnlyList<OrgAuthorization> orgs, IReadOnlyCollection<OrgAuthorization> interrupted,
        SalesforcePaths paths, SalesforceContext context, bool revoke)
    {
        var ownerOfName = new Dictionary<string, OrgAuthorization>(orgs.Count * 2, StringComparer.Ordinal);
        var named = new bool[orgs.Count];
        for (var index = 0; index < named.Length; index++) named[index] = OrgReader.IsNamedAfterItsUsername(orgs[index].AuthFile, orgs[index].Username);
        // The orgs whose file is named after them first, then the copies (a partition, in list order: no sort needed).
        foreach (var namedFirst in new[] { true, false })
            for (var index = 0; index < orgs.Count; index++)
            {
                if (named[index] != namedFirst) continue;
                var org = orgs[index];
                foreach (var alias in org.Aliases)
                    if (!ownerOfName.ContainsKey(alias)) ownerOfName[alias] = org;
                if (!ownerOfName.ContainsKey(org.Username)) ownerOfName[org.Username] = org;
            }

        // Only the few orgs a config key names get a list: one per org was a tenth of planning 10,000.
        var keysOf = new Dictionary<OrgAuthorization, List<(UnsetConfigKey, string)>>();
        foreach (var pair in paths.ConfigPairs)
        {
            var contents = Config.ReadLocation(pair, context);
            foreach (var key in Config.KeysNaming(contents, ownerOfName.Keys))
            {
                var value = JsJson.AsString(contents[key])!;
                var owner = ownerOfName[value];
                if (!keysOf.TryGetValue(owner, out var keys)) keysOf[owner] = keys = new List<(UnsetConfigKey, string)>();
                keys.Add((new UnsetConfigKey(key, Config.MirrorName(key), pair.ConfigFile, pair.MirrorFile), value));
            }
        }

        return new DisconnectOrgPlan(paths, orgs.Select((org, index) =>
        {
            string? problem = null;
            var endpoint = revoke ? TokenRevoker.Endpoint(org.InstanceUrl, org.LoginUrl, out problem) : null;
            return new OrgLogoutPlan(org)
            {
                DeletesAuthFile = named[index],
                Aliases = ownerOfName[org.Username] == org ? AliasPairs(org) : Array.Empty<KeyValuePair<string, string>>(),
                ConfigKeys = keysOf.TryGetValue(org, out var keys) ? keys : Array.Empty<(UnsetConfigKey, string)>(),
                RevocationEndpoint = endpoint,
                RevocationProblem = problem,
                FinishesInterrupted = interrupted.Contains(org),
            };
        }).ToList());
    }

    /// <summary>Each alias of <paramref name="org"/> with the username it names, as alias.json holds them.</summary>
    private static KeyValuePair<string, string>[] AliasPairs(OrgAuthorization org)
    {
        var pairs = new KeyValuePair<string, string>[org.Aliases.Length];
        for (var index = 0; index < pairs.Length; index++) pairs[index] = new KeyValuePair<string, string>(org.Aliases[index], org.Username);
        return pairs;
    }

    /// <summary>This plan with only <paramref name="orgs"/> (the ones confirmed, or whose revocation went through).</summary>
    public DisconnectOrgPlan With(IEnumerable<OrgLogoutPlan> orgs) => this with { Orgs = orgs.ToList() };
}
