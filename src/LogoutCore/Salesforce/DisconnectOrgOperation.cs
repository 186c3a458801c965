using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>What Disconnect-Org was asked to do, gathered from the whole pipeline.</summary>
public sealed record DisconnectOrgRequest
{
    /// <summary>
    /// One entry per pipeline record: its names, org objects and home. Each home is logged out once, in the order the
    /// homes first came. The default is one empty selection: the default target-org (or the list) of the context's home.
    /// </summary>
    public IReadOnlyList<OrgSelection> Selections { get; init; } = new[] { new OrgSelection() };

    /// <summary>-All: every org of each selection's home.</summary>
    public bool All { get; init; }

    /// <summary>-ClientApp: removes only this linked client app from each target's auth file; the orgs stay logged in.</summary>
    public string? ClientApp { get; init; }

    /// <summary>-Force: no ShouldContinue question (ShouldProcess, that is -WhatIf and -Confirm, still applies).</summary>
    public bool Force { get; init; }

    /// <summary>-WhatIf: nothing will change, so -All shows no list to choose from (the What-if lines name every org).</summary>
    public bool WhatIf { get; init; }

    /// <summary>-Revoke: revoke each org's token at Salesforce first; an org whose revocation cannot be done stays logged in.</summary>
    public bool Revoke { get; init; }

    /// <summary>-TimeoutSec: how long each revocation may wait for the server.</summary>
    public TimeSpan Timeout { get; init; } = TokenRevoker.DefaultTimeout;

    /// <summary>How long a lock held by a concurrent sf is waited for; null for sf's own rule (DirectoryLock.SalesforceRetries).</summary>
    public LockRetryPolicy? LockPolicy { get; init; }
}

/// <summary>
/// Disconnect-Org: sf org logout's selection and effects (see AuthRemover), confirmed through ShouldProcess per org
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
    /// Logs out what <paramref name="request"/> selects, home by home in the order the homes first came: names and -All
    /// apply to their selection's -HomePath (else <paramref name="context"/>'s home), an org object to the home it was
    /// listed from. Writes one OrgLogoutResult per org logged out (or client app removed), and non-terminating errors
    /// (OrgNotFound, RevokeFailed, AuthFileMissing, AuthFileNotRemoved, NoLinkedApps, InvalidClientApp). Throws
    /// LogoutException (NoOrgSpecified, ConfirmationNotPossible, LockHeld, FileWriteFailed, AliasFileInvalid,
    /// ConfigFileInvalid) before that home's files change, and OperationCanceledException on Ctrl+C during revocation.
    /// </summary>
    public static void Invoke(SalesforceContext context, DisconnectOrgRequest request, IHostInteraction host)
    {
        var homes = new List<HomeSelection>();
        HomeSelection For(string? home)
        {
            var found = homes.FirstOrDefault(entry => entry.Home == home);
            if (found is null) homes.Add(found = new HomeSelection(home));
            return found;
        }

        foreach (var selection in request.Selections)
        {
            // A record of org objects only selects in their homes; any other record selects in its own (names, -All, or the default).
            if (selection.InputObjects.Count == 0 || selection.TargetOrgs.Count > 0 || request.All)
                For(selection.HomePath).Names.AddRange(selection.TargetOrgs);
            foreach (var input in selection.InputObjects)
                For(string.IsNullOrEmpty(input.HomePath) ? selection.HomePath : input.HomePath).Objects.Add(input);
        }

        foreach (var home in homes)
        {
            if (home.Home is null) LogOutHome(context, home, request, host);
            else if (SalesforceContext.IsUsablePath(home.Home)) LogOutHome(context.ForHome(home.Home), home, request, host);
            else host.WriteError(SalesforceErrors.InvalidHomePath(home.Home));
        }
    }

    /// <summary>The names and org objects of every selection in one home.</summary>
    private sealed class HomeSelection
    {
        public HomeSelection(string? home) => Home = home;
        public string? Home { get; }
        public List<string> Names { get; } = new();
        public List<OrgAuthorization> Objects { get; } = new();
    }

    /// <summary>
    /// One home: the selected orgs, and those an interrupted run had confirmed and not finished (see LogoutJournal),
    /// in one plan. An unfinished org is asked about through ShouldProcess only (its logout was confirmed before), and
    /// a warning names the ones this run finishes.
    /// </summary>
    private static void LogOutHome(SalesforceContext context, HomeSelection selection, DisconnectOrgRequest request, IHostInteraction host)
    {
        // A logout never reads an org's Error (error entries are logged out too), so the tokens are not decrypted:
        // that was a third of reading 10,000 orgs.
        var snapshot = OrgReader.Read(context, checkTokens: false);
        // Before any change: -Debug's "Continue?" after each message is asked here first (and a session that cannot ask
        // stops here), not after the files have changed.
        host.WriteVerbose(GetAuthenticatedOrgOperation.ReadNotice(snapshot));
        foreach (var warning in snapshot.Warnings) host.WriteWarning(warning);
        var journals = LogoutJournal.FindInterrupted(snapshot.Paths);
        try
        {
            var changed = new List<OrgAuthorization>();
            var unfinished = LogoutJournal.Unfinished(journals, snapshot.Orgs, changed);
            foreach (var org in changed)
                host.WriteWarning($"An interrupted Disconnect-Org had confirmed the logout of {org.Username}, but its auth file {org.AuthFile} was written since (a new login?): it stays logged in.");
            var candidates = SelectCandidates(snapshot, selection, request, context, host);

            if (request.ClientApp is { } clientApp)
            {
                if (unfinished.Count > 0) host.WriteWarning(UnfinishedNotice(unfinished));
                if (candidates.Count > 0) RemoveClientApps(candidates, clientApp, request, host);
                return;
            }

            var orgs = candidates.Concat(unfinished.Where(org => !candidates.Contains(org))).ToList();
            var keepJournals = false;
            if (orgs.Count > 0)
            {
                if (orgs.Any(org => org.IsScratchOrg)) host.WriteWarning(ScratchOrgWarning);
                var plan = DisconnectOrgPlan.For(orgs, unfinished, snapshot.Paths, context, request.Revoke);
                var confirmed = plan.With(Confirm(plan, candidates, request, host));
                keepJournals = unfinished.Any(org => !confirmed.Orgs.Any(planned => planned.Org == org));
                var results = confirmed.Orgs.Count > 0 ? Apply(confirmed, context, request, host) : Array.Empty<OrgLogoutResult>();
                var finished = results.Where(result => unfinished.Any(org => org.AuthFile == result.AuthFile)).Select(result => result.Username).ToList();
                if (finished.Count > 0)
                    host.WriteWarning($"Finished the logout of {string.Join(", ", finished)}, which an interrupted Disconnect-Org had left half done.");
                foreach (var result in results) host.WriteObject(result);
            }
            if (!keepJournals) foreach (var journal in journals) journal.Complete();
        }
        finally
        {
            foreach (var journal in journals) journal.Dispose();
        }
    }

    /// <summary>What a run that does not finish them (Get-AuthenticatedOrg, -ClientApp) says about unfinished logouts.</summary>
    public static string UnfinishedNotice(IEnumerable<OrgAuthorization> unfinished)
        => $"An interrupted Disconnect-Org left the logout of {string.Join(", ", unfinished.Select(org => org.Username))} half done "
            + "(config keys may be unset while aliases and the auth file remain); the next Disconnect-Org in this home finishes it.";

    /// <summary>
    /// sf's candidates: the orgs whose username equals a target or whose aliases contain it (error entries included),
    /// or every org with -All (on a console, unless -Force or -WhatIf, as a list with every org selected, as sf does);
    /// with neither, the default target-org, else the orgs the user picks from a list with none selected.
    /// </summary>
    private static List<OrgAuthorization> SelectCandidates(OrgSnapshot snapshot, HomeSelection selection, DisconnectOrgRequest request, SalesforceContext context, IHostInteraction host)
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

        foreach (var name in selection.Names) AddMatches(name, org => org.Username == name || org.Aliases.Contains(name));
        foreach (var input in selection.Objects) AddMatches(input.Username, org => org.Username == input.Username);
        if (selection.Names.Count > 0 || selection.Objects.Count > 0) return selected;

        var defaultOrg = Config.ReadEffective(snapshot.Paths, context).LastOrDefault(entry => entry.Key == Config.TargetOrg)?.Value;
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

    /// <summary>ShouldProcess per org with its planned changes (stop on no), then, for a selected org, -Force or ShouldContinue with Yes/Yes to All/No/No to All.</summary>
    private static List<OrgLogoutPlan> Confirm(DisconnectOrgPlan plan, IReadOnlyCollection<OrgAuthorization> selected, DisconnectOrgRequest request, IHostInteraction host)
    {
        var confirmed = new List<OrgLogoutPlan>();
        bool yesToAll = false, noToAll = false;
        foreach (var org in plan.Orgs)
        {
            if (!host.ShouldProcess(org.Target, org.Action(plan.Paths.AliasFile))) continue;
            // An unfinished logout the user did not select again was confirmed by the run that was interrupted.
            if (!request.Force && selected.Contains(org.Org) && !host.ShouldContinue($"Are you sure you want to log out of {PrintableText.Of(org.Org.Username)}?", Caption, ref yesToAll, ref noToAll)) continue;
            confirmed.Add(org);
        }
        return confirmed;
    }

    private static IReadOnlyList<OrgLogoutResult> Apply(DisconnectOrgPlan plan, SalesforceContext context, DisconnectOrgRequest request, IHostInteraction host)
    {
        var total = plan.Orgs.Count;
        var revokes = plan.Orgs.Any(org => org.Revokes);
        // One local org is instant; a revocation is a network wait worth showing even for one org.
        using var progress = total > 1 || revokes ? new ProgressScope(host, ProgressActivityId, ProgressActivity, "Starting", 0) : null;
        void Progress(string status, int done) => progress?.Update(status, done * 100 / total);

        RemoveLeftovers(plan.Paths, host);
        var revokeFailures = new List<LogoutError>();
        var revocations = new Dictionary<OrgLogoutPlan, RevocationOutcome>();
        if (revokes) plan = plan.With(RevokeAll(plan, context, request, host, Progress, revocations, revokeFailures));

        Progress("Unsetting config keys and aliases, deleting auth files", 0);
        var report = new List<Action<IHostInteraction>>();
        var loggedOut = AuthRemover.Apply(plan, revocations, context, request.LockPolicy, report);
        foreach (var write in report) write(host);
        // After the others are logged out, so -ErrorAction Stop on one failure does not keep them logged in.
        foreach (var failure in revokeFailures) host.WriteError(failure);
        return loggedOut;
    }

    /// <summary>
    /// What a killed run (this module's or sf's) leaves in sf's folders: this module's temp files and stale lock
    /// directories, both older than sf's 10-second staleness. Removed before anything else changes, with a warning.
    /// </summary>
    private static void RemoveLeftovers(SalesforcePaths paths, IHostInteraction host)
    {
        var folders = paths.ConfigPairs.SelectMany(pair => new[] { Path.GetDirectoryName(pair.ConfigFile)!, Path.GetDirectoryName(pair.MirrorFile)! })
            .Prepend(paths.SfdxDirectory).Distinct(StringComparer.Ordinal);
        foreach (var folder in folders)
        foreach (var leftover in AtomicFile.RemoveLeftovers(folder, DirectoryLock.StaleAfter).Concat(DirectoryLock.RemoveStale(folder)))
            host.WriteWarning($"Removed {leftover}, left behind by an interrupted run.");
    }

    /// <summary>
    /// Revokes every planned org's token, <see cref="MaxConcurrentRevocations"/> at a time, reporting in the plan's order
    /// from this thread (PowerShell's streams take writes only from the pipeline thread). Returns the orgs that may be
    /// logged out: an org whose revocation could not be done gets a non-terminating RevokeFailed error and stays logged in.
    /// Ctrl+C cancels every wait; nothing has changed on disk by then.
    /// </summary>
    private static List<OrgLogoutPlan> RevokeAll(DisconnectOrgPlan plan, SalesforceContext context, DisconnectOrgRequest request, IHostInteraction host,
        Action<string, int> progress, Dictionary<OrgLogoutPlan, RevocationOutcome> outcomes, List<LogoutError> failures)
    {
        var keyLookup = Keychain.Find(plan.Paths, context);
        var crypto = keyLookup.Key is { } key ? Crypto.TryCreate(key) : null;
        using var throttle = new SemaphoreSlim(MaxConcurrentRevocations);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(host.Stopping);
        async Task<RevocationOutcome> RevokeOne(OrgLogoutPlan org)
        {
            await throttle.WaitAsync(stop.Token).ConfigureAwait(false);
            try { return await TokenRevoker.RevokeAsync(org.Org.AuthFile, org.RevocationEndpoint, org.RevocationProblem, crypto, request.Timeout, stop.Token).ConfigureAwait(false); }
            finally { throttle.Release(); }
        }

        var orgs = plan.Orgs;
        var pending = orgs.Select(org => org.Revokes ? Task.Run(() => RevokeOne(org), stop.Token) : null).ToList();
        try
        {
            var revoked = new List<OrgLogoutPlan>();
            for (var index = 0; index < orgs.Count; index++)
            {
                var org = orgs[index];
                var username = org.Org.Username;
                if (pending[index] is not { } task)
                {
                    revoked.Add(org);
                    continue;
                }
                progress($"Revoking the token of {username}", index);
                var outcome = outcomes[org] = task.GetAwaiter().GetResult();
                if (outcome.Failed)
                {
                    failures.Add(SalesforceErrors.RevokeFailed(username, outcome.Reason));
                    continue;
                }
                if (outcome.Status == RevocationStatus.Revoked) host.WriteVerbose($"Revoked the token of {username}.");
                else if (outcome.Status == RevocationStatus.AlreadyInvalid) host.WriteVerbose($"The token of {username} was already invalid ({outcome.Reason}).");
                else host.WriteWarning($"The token of {username} was not revoked ({outcome.Reason}); logging out locally anyway.");
                revoked.Add(org);
            }
            return revoked;
        }
        finally
        {
            // Ctrl+C (or a stop raised by a stream) leaves early: end the other requests before the throttle goes.
            stop.Cancel();
            try { Task.WaitAll(pending.OfType<Task>().ToArray()); } catch (AggregateException) { }
        }
    }

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
            if (!host.ShouldProcess(OrgLogoutPlan.TargetOf(org), $"Log out of the client app \"{clientApp}\": remove clientApps.{clientApp} from {org.AuthFile}")) continue;
            if (!request.Force && !host.ShouldContinue($"Are you sure you want to log out of \"{PrintableText.Of(clientApp)}\" client app for user {PrintableText.Of(org.Username)}?", Caption, ref yesToAll, ref noToAll)) continue;
            try
            {
                host.WriteObject(AuthRemover.RemoveClientApp(org, clientApp, request.LockPolicy));
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
}
