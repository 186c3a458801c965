using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>What Disconnect-Org was asked to do, gathered from the whole pipeline.</summary>
public sealed class DisconnectOrgRequest
{
    /// <summary>Usernames or aliases (exact, case-sensitive, as sf matches them).</summary>
    public IReadOnlyList<string> TargetOrgs { get; init; } = Array.Empty<string>();

    /// <summary>Org objects from Get-AuthenticatedOrg, matched by username.</summary>
    public IReadOnlyList<OrgAuthorization> InputObjects { get; init; } = Array.Empty<OrgAuthorization>();

    public bool All { get; init; }

    /// <summary>The home folder whose sf state to use (-HomePath); null for the session's own. Input objects keep the home they were listed from.</summary>
    public string? HomePath { get; init; }

    public string? ClientApp { get; init; }
    public bool Force { get; init; }

    /// <summary>-WhatIf: nothing will change, so -All shows no list to choose from (the What-if lines name every org).</summary>
    public bool WhatIf { get; init; }
    public bool Revoke { get; init; }

    /// <summary>-TimeoutSec: how long each revocation may wait for the server.</summary>
    public TimeSpan Timeout { get; init; } = SfTokenRevoker.DefaultTimeout;
    public LockRetryPolicy? LockPolicy { get; init; }
}

/// <summary>
/// Disconnect-Org: sf org logout's selection and effects (see SfAuthRemover), confirmed through ShouldProcess per org
/// and then -Force or ShouldContinue, applied as one batch, one result object per org logged out.
/// </summary>
public static class DisconnectOrgOperation
{
    public const string Caption = "Log out of Salesforce orgs";
    public const string ScratchOrgWarning = "If you log out of a scratch org without having access to its password, you can't access this org again, either through the CLI or the Salesforce UI.";
    /// <summary>The title of the arrow-key list, sf's own words.</summary>
    public const string PickerTitle = "Select the orgs you want to log out of:";
    public const string SelectionMessage = "Select the orgs you want to log out of: numbers, aliases or usernames (a unique start is enough), separated by commas or spaces; an empty line selects none.";
    /// <summary>How many revocations are in flight at once: enough to hide latency, few enough not to flood a server.</summary>
    public const int MaxConcurrentRevocations = 8;
    private const int ProgressActivityId = 0x5F03;
    private const string ProgressActivity = "Logging out of Salesforce orgs";

    /// <summary>
    /// The requests of one pipeline (one per input record), logged out home by home in the order the homes first came:
    /// names and -All apply to the record's -HomePath, an org object to the home it was listed from.
    /// </summary>
    public static void Invoke(SfContext session, IReadOnlyList<DisconnectOrgRequest> requests, IHostInteraction host)
    {
        var perHome = new List<HomeSelection>();
        HomeSelection For(string? home)
        {
            var found = perHome.FirstOrDefault(entry => entry.Home == home);
            if (found is null) perHome.Add(found = new HomeSelection(home));
            return found;
        }

        foreach (var request in requests)
        {
            // A record of org objects only selects in their homes; any other record selects in its own (names, -All, or the default).
            if (request.InputObjects.Count == 0 || request.TargetOrgs.Count > 0 || request.All)
            {
                var own = For(request.HomePath);
                own.Names.AddRange(request.TargetOrgs);
                own.All |= request.All;
            }
            foreach (var input in request.InputObjects)
                For(string.IsNullOrEmpty(input.HomePath) ? request.HomePath : input.HomePath).Objects.Add(input);
        }

        var template = requests.Count > 0 ? requests[0] : new DisconnectOrgRequest();
        foreach (var selection in perHome)
        {
            Invoke(selection.Home is null ? session : session.ForHome(selection.Home), new DisconnectOrgRequest
            {
                TargetOrgs = selection.Names,
                InputObjects = selection.Objects,
                All = selection.All,
                HomePath = selection.Home,
                ClientApp = template.ClientApp,
                Force = template.Force,
                WhatIf = template.WhatIf,
                Revoke = template.Revoke,
                Timeout = template.Timeout,
                LockPolicy = template.LockPolicy,
            }, host);
        }
    }

    private sealed class HomeSelection
    {
        public HomeSelection(string? home) => Home = home;
        public string? Home { get; }
        public List<string> Names { get; } = new();
        public List<OrgAuthorization> Objects { get; } = new();
        public bool All { get; set; }
    }

    public static void Invoke(SfContext context, DisconnectOrgRequest request, IHostInteraction host)
    {
        var snapshot = SfOrgReader.Read(context);
        foreach (var warning in snapshot.Warnings) host.WriteWarning(warning);
        var candidates = SelectCandidates(snapshot, request, context, host);
        if (candidates.Count == 0) return;

        if (request.ClientApp is { } clientApp)
        {
            RemoveClientApps(candidates, clientApp, request, host);
            return;
        }

        if (candidates.Any(org => org.IsScratchOrg)) host.WriteWarning(ScratchOrgWarning);
        var confirmed = Confirm(candidates, snapshot.Paths, context, request, host);
        if (confirmed.Count == 0) return;
        foreach (var result in Apply(confirmed, snapshot.Paths, context, request, host)) host.WriteObject(result);
    }

    /// <summary>
    /// sf's candidates: the orgs whose username equals a target or whose aliases contain it (error entries included),
    /// or every org with -All (on a console, unless -Force or -WhatIf, as a list with every org selected, as sf does);
    /// with neither, the default target-org, else the orgs the user picks from a list with none selected.
    /// </summary>
    private static List<OrgAuthorization> SelectCandidates(SfOrgSnapshot snapshot, DisconnectOrgRequest request, SfContext context, IHostInteraction host)
    {
        if (request.All)
        {
            // sf shows the checkbox only for more than one candidate; elsewhere than a console -All asks only "Are you sure".
            if (request.Force || request.WhatIf || snapshot.Orgs.Count < 2) return snapshot.Orgs.ToList();
            var (rows, choices) = ListRows(snapshot.Orgs);
            var picked = host.PickFromList(PickerTitle, choices, allSelected: true);
            return picked is null ? snapshot.Orgs.ToList() : Chosen(rows, picked, host);
        }
        var selected = new List<OrgAuthorization>();
        void AddMatches(string name, Func<OrgAuthorization, bool> matches)
        {
            var found = snapshot.Orgs.Where(matches).ToList();
            if (found.Count == 0)
                host.WriteError(SalesforceErrors.OrgNotFound(name));
            selected.AddRange(found.Where(org => !selected.Contains(org)));
        }

        foreach (var name in request.TargetOrgs) AddMatches(name, org => org.Username == name || org.Aliases.Contains(name));
        foreach (var input in request.InputObjects) AddMatches(input.Username, org => org.Username == input.Username);
        if (request.TargetOrgs.Count > 0 || request.InputObjects.Count > 0) return selected;

        var defaultOrg = SfConfig.ReadEffective(snapshot.Paths, context).LastOrDefault(entry => entry.Key == SfConfig.TargetOrg)?.Value;
        if (defaultOrg is not null)
        {
            selected.AddRange(snapshot.Orgs.Where(org => org.Username == defaultOrg || org.Aliases.Contains(defaultOrg)));
            if (selected.Count == 0) host.WriteWarning($"No orgs found to log out of: the default target-org {defaultOrg} names no authenticated org.");
            return selected;
        }
        if (snapshot.Orgs.Count == 0)
        {
            host.WriteWarning("No orgs found to log out of.");
            return selected;
        }
        return PickFromList(snapshot.Orgs, host);
    }

    /// <summary>
    /// sf's checkbox list, none preselected: the arrow-key list on a console, else the host's line prompt (selectable by
    /// username, alias or a unique start of either: ChoiceSelection); a host that can show neither is NoOrgSpecified.
    /// </summary>
    private static List<OrgAuthorization> PickFromList(IReadOnlyList<OrgAuthorization> orgs, IHostInteraction host)
    {
        var (rows, choices) = ListRows(orgs);
        var chosen = host.PickFromList(PickerTitle, choices, allSelected: false)
            ?? host.PromptForChoices(Caption, SelectionMessage, choices)
            ?? throw SalesforceErrors.NoOrgSpecified();
        return Chosen(rows, chosen, host);
    }

    /// <summary>sf's rows: sorted by username, each labelled by its username with its type, aliases and configs beside it, its aliases also selecting it.</summary>
    private static (List<OrgAuthorization> Rows, List<HostChoice> Choices) ListRows(IReadOnlyList<OrgAuthorization> orgs)
    {
        var rows = orgs.OrderBy(org => org.Username, StringComparer.Ordinal).ToList();
        return (rows, rows.Select(org => new HostChoice(org.Username, ChoiceDetails(org)) { Names = org.Aliases }).ToList());
    }

    /// <summary>The rows chosen, in list order; choosing none is no error (sf: "No orgs selected for logout.").</summary>
    private static List<OrgAuthorization> Chosen(List<OrgAuthorization> rows, IReadOnlyList<int> chosen, IHostInteraction host)
    {
        if (chosen.Count == 0) host.WriteVerbose("No orgs selected for logout.");
        return chosen.Distinct().OrderBy(index => index).Select(index => rows[index]).ToList();
    }

    /// <summary>ShouldProcess per org (stop on no), then -Force or ShouldContinue with Yes/Yes to All/No/No to All.</summary>
    private static List<OrgLogoutResult> Confirm(IReadOnlyList<OrgAuthorization> candidates, SfPaths paths, SfContext context, DisconnectOrgRequest request, IHostInteraction host)
    {
        var configs = paths.ConfigPairs.Select(pair => (Pair: pair, Contents: SfConfig.ReadLocation(pair, context))).ToList();
        var confirmed = new List<OrgLogoutResult>();
        bool yesToAll = false, noToAll = false;
        foreach (var org in candidates)
        {
            var names = new HashSet<string>(org.Aliases, StringComparer.Ordinal) { org.Username };
            var changes = new List<string>();
            if (request.Revoke) changes.Add(DescribeRevocation(org));
            changes.AddRange(new[]
            {
                SfOrgReader.IsNamedAfterItsUsername(org.AuthFile, org.Username) ? $"delete the auth file {org.AuthFile}" : $"leave the auth file {org.AuthFile} (it is not named after {org.Username})",
            });
            if (org.Aliases.Length > 0) changes.Add($"remove the alias(es) {string.Join(", ", org.Aliases)} from {paths.AliasFile}");
            foreach (var (pair, contents) in configs)
            foreach (var key in SfConfig.KeysNaming(contents, names))
                changes.Add($"unset {key} in {pair.ConfigFile} and {SfConfig.MirrorName(key)} in {pair.MirrorFile}");
            if (!host.ShouldProcess(Describe(org), "Log out: " + string.Join("; ", changes))) continue;
            if (!request.Force && !host.ShouldContinue($"Are you sure you want to log out of {org.Username}?", Caption, ref yesToAll, ref noToAll)) continue;
            confirmed.Add(new OrgLogoutResult(org.Username, org.OrgId, org.AuthFile) { Source = org, HomePath = org.HomePath });
        }
        return confirmed;
    }

    private static IReadOnlyList<OrgLogoutResult> Apply(List<OrgLogoutResult> orgs, SfPaths paths, SfContext context, DisconnectOrgRequest request, IHostInteraction host)
    {
        var total = orgs.Count; // orgs shrinks when revocations fail
        var showProgress = total > 1;
        void Progress(string status, int done) { if (showProgress) host.WriteProgress(new ProgressUpdate(ProgressActivityId, ProgressActivity, status, done * 100 / total)); }

        RemoveLeftovers(paths, host);
        try
        {
            var revokeFailures = new List<LogoutError>();
            if (request.Revoke) orgs = RevokeAll(orgs, paths, context, request, host, Progress, revokeFailures);

            var namesByAuthFile = orgs.ToDictionary(org => org.AuthFile, org => org.Source!.Aliases.Append(org.Username).ToArray(), StringComparer.Ordinal);
            Progress("Unsetting config keys and aliases", 0);
            var loggedOut = SfAuthRemover.LogOut(orgs, namesByAuthFile, paths, context, host,
                index => Progress($"Deleting the auth file of {orgs[index].Username}", index), request.LockPolicy);
            // After the others are logged out, so -ErrorAction Stop on one failure does not keep them logged in.
            foreach (var failure in revokeFailures) host.WriteError(failure);
            return loggedOut;
        }
        finally
        {
            if (showProgress) host.WriteProgress(new ProgressUpdate(ProgressActivityId, ProgressActivity, "Done", 100, Completed: true));
        }
    }

    /// <summary>
    /// What a killed run (this module's or sf's) leaves in sf's folders: this module's temp files and stale lock
    /// directories, both older than sf's 10-second staleness. Removed before anything else changes, with a warning.
    /// </summary>
    private static void RemoveLeftovers(SfPaths paths, IHostInteraction host)
    {
        var folders = paths.ConfigPairs.SelectMany(pair => new[] { Path.GetDirectoryName(pair.ConfigFile)!, Path.GetDirectoryName(pair.MirrorFile)! })
            .Prepend(paths.SfdxDirectory).Distinct(StringComparer.Ordinal);
        foreach (var folder in folders)
        foreach (var leftover in AtomicFile.RemoveLeftovers(folder, DirectoryLock.StaleAfter).Concat(DirectoryLock.RemoveStale(folder)))
            host.WriteWarning($"Removed {leftover}, left behind by an interrupted run.");
    }

    /// <summary>
    /// Revokes every org's token, <see cref="MaxConcurrentRevocations"/> at a time, reporting in the orgs' order from this
    /// thread (PowerShell's streams take writes only from the pipeline thread). Returns the orgs that may be logged out:
    /// an org whose revocation could not be done gets a non-terminating RevokeFailed error and stays logged in.
    /// Ctrl+C cancels every wait; nothing has changed on disk by then.
    /// </summary>
    private static List<OrgLogoutResult> RevokeAll(List<OrgLogoutResult> orgs, SfPaths paths, SfContext context, DisconnectOrgRequest request,
        IHostInteraction host, Action<string, int> progress, List<LogoutError> failures)
    {
        var keyLookup = SfKeychain.Find(paths, context);
        var crypto = keyLookup.Key is { } key ? SfCrypto.TryCreate(key) : null;
        using var throttle = new SemaphoreSlim(MaxConcurrentRevocations);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(host.Stopping);
        async Task<SfRevocation> RevokeOne(OrgAuthorization org)
        {
            await throttle.WaitAsync(stop.Token).ConfigureAwait(false);
            try { return await SfTokenRevoker.RevokeAsync(org, crypto, request.Timeout, stop.Token).ConfigureAwait(false); }
            finally { throttle.Release(); }
        }

        var pending = orgs.Select(org => Task.Run(() => RevokeOne(org.Source!), stop.Token)).ToList();
        try
        {
            var revoked = new List<OrgLogoutResult>();
            for (var index = 0; index < orgs.Count; index++)
            {
                var org = orgs[index];
                progress($"Revoking the token of {org.Username}", index);
                var outcome = pending[index].GetAwaiter().GetResult();
                (org.Revocation, org.RevocationReason) = (outcome.Status, outcome.Reason);
                if (outcome.Failed)
                {
                    failures.Add(SalesforceErrors.RevokeFailed(org.Username, outcome.Reason));
                    continue;
                }
                if (outcome.Status == RevocationStatus.Revoked) host.WriteVerbose($"Revoked the token of {org.Username}.");
                else if (outcome.Status == RevocationStatus.AlreadyInvalid) host.WriteVerbose($"The token of {org.Username} was already invalid ({outcome.Reason}).");
                else host.WriteWarning($"The token of {org.Username} was not revoked ({outcome.Reason}); logging out locally anyway.");
                revoked.Add(org);
            }
            return revoked;
        }
        finally
        {
            // Ctrl+C (or a stop raised by a stream) leaves early: end the other requests before the throttle goes.
            stop.Cancel();
            try { Task.WaitAll(pending.ToArray<Task>()); } catch (AggregateException) { }
        }
    }

    /// <summary>The What-if line of a revocation: where the token would go, or why it could not be revoked.</summary>
    private static string DescribeRevocation(OrgAuthorization org)
        => SfTokenRevoker.Endpoint(org.InstanceUrl, org.LoginUrl, out var problem) is { } endpoint
            ? $"revoke its token at {Shared.Http.HttpSender.Describe(endpoint)}"
            : $"revoke its token (cannot be done: {problem}, so the org would stay logged in)";

    private static void RemoveClientApps(IReadOnlyList<OrgAuthorization> orgs, string clientApp, DisconnectOrgRequest request, IHostInteraction host)
    {
        bool yesToAll = false, noToAll = false;
        foreach (var org in orgs)
        {
            if (org.ClientApps.Length == 0)
            {
                host.WriteError(SalesforceErrors.NoLinkedApps(org.Username).ToError());
                continue;
            }
            if (!org.ClientApps.Contains(clientApp))
            {
                host.WriteError(SalesforceErrors.InvalidClientApp(org.Username, clientApp).ToError());
                continue;
            }
            if (!host.ShouldProcess(Describe(org), $"Log out of the client app \"{clientApp}\": remove clientApps.{clientApp} from {org.AuthFile}")) continue;
            if (!request.Force && !host.ShouldContinue($"Are you sure you want to log out of \"{clientApp}\" client app for user {org.Username}?", Caption, ref yesToAll, ref noToAll)) continue;
            try
            {
                host.WriteObject(SfAuthRemover.RemoveClientApp(org, clientApp, request.LockPolicy));
            }
            catch (LogoutException e) when (e.ErrorId is "NoLinkedApps" or "InvalidClientApp")
            {
                host.WriteError(e.ToError()); // a concurrent sf removed it between the listing and the lock
            }
        }
    }

    /// <summary>sf's list columns besides the username: type, aliases, configs.</summary>
    private static string ChoiceDetails(OrgAuthorization org)
    {
        var details = new[] { org.OrgType, org.Aliases.Length > 0 ? "aliases " + org.Alias : "", org.Configs.Length > 0 ? "default for " + string.Join(",", org.Configs) : "" }
            .Where(part => part.Length > 0).ToList();
        return details.Count > 0 ? string.Join("; ", details) : "no alias, not a default";
    }

    private static string Describe(OrgAuthorization org) => org.Aliases.Length == 0 ? org.Username : $"{org.Username} ({org.Alias})";
}
