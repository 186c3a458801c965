using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>What Remove-CodexToken was asked to do.</summary>
public sealed record RemoveCodexTokenRequest
{
    /// <summary>The codex home (-CodexHome, an absolute folder); null for CODEX_HOME, else .codex in the context's user home.</summary>
    public string? CodexHome { get; init; }

    /// <summary>Do not revoke a ChatGPT token (copies of it, e.g. in account-switching tools, keep working).</summary>
    public bool SkipRevoke { get; init; }

    /// <summary>Log out without the ShouldContinue question (asked otherwise for every login type).</summary>
    public bool Force { get; init; }

    /// <summary>How long to wait for a running codex to release auth.lock.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Remove-CodexToken: `codex logout` plus the design document's config.toml auth_token. One plan is built from what is
/// stored (CodexLogoutPlan), confirmed step by step, and the approved plan applied in codex's order: revoke a ChatGPT
/// token best-effort, then under codex's two locks delete the keyring entry and auth.json; finally drop a top-level
/// auth_token from config.toml. Everything that could not be removed is named in the result and reported as an error;
/// nothing is left behind silently.
/// </summary>
public static class RemoveCodexTokenOperation
{
    private const int RevokeProgressId = 0x0C0D;

    /// <summary>
    /// Logs the codex home of <paramref name="request"/> out and writes one CodexLogoutResult (none when -WhatIf or a
    /// refusal changed nothing). Non-terminating errors: CodexHomeNotFound/CodexHomeNotDirectory/CodexConfigInvalid
    /// (InvalidArgument), CodexKeyringUnavailable (ResourceUnavailable), CodexAuthFileNotRemoved (WriteError).
    /// Throws LogoutException CodexCredentialsLocked (ResourceBusy) when a codex holds its locks longer than
    /// LockWait, CodexRevokeUrlInvalid (InvalidArgument), ConfirmationNotPossible (InvalidOperation).
    /// </summary>
    public static void Invoke(CodexContext context, RemoveCodexTokenRequest request, IHostInteraction host)
    {
        if (CodexConfig.LoadOrReport(context, request.CodexHome, host) is not { } loaded) return;
        var (home, config) = loaded;
        WarnAboutEnvironmentCredentials(context, host);
        var plan = CodexLogoutPlan.Build(context, home, config, request, host);
        // Before any change: -Debug's "Continue?" after each message is asked here first (and a session that cannot ask
        // stops here), not after the credentials are gone.
        host.WriteVerbose($"Planned {plan.Steps.Count()} change(s) in the codex home {home}.");
        var approved = Confirm(plan, request.Force, host, out var declined);
        var result = Apply(context, approved, request.LockWait, host);
        if (declined && result.Removed.Count == 0 && !result.TokenRevoked) return; // -WhatIf, every -Confirm refused, or No
        host.WriteObject(result);
    }

    /// <summary>
    /// Age after which a temp file of this module's naming in the codex home is a killed run's leftover (a partial
    /// copy of config.toml): a write in progress is never that old. sf's stale-lock age, so both sides judge alike.
    /// </summary>
    private static readonly TimeSpan LeftoverAge = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Credentials codex takes from the environment outlive any logout (codex-cli.md §4-5: `codex logout` says
    /// "Not logged in" over them; `codex login status` reports CODEX_ACCESS_TOKEN). A cmdlet cannot unset the
    /// environment of the process that started the session, so it names each one that is set.
    /// </summary>
    private static void WarnAboutEnvironmentCredentials(CodexContext context, IHostInteraction host)
    {
        foreach (var name in new[] { CodexAccessToken.VariableName, "CODEX_API_KEY", "OPENAI_API_KEY" })
        {
            if (string.IsNullOrWhiteSpace(context.Environment(name))) continue;
            host.WriteWarning($"The environment variable {name} is set: codex can still sign in with it after this logout" +
                (name == CodexAccessToken.VariableName ? " (codex login status reports it instead of the stored login)" : "") +
                $". Remove-CodexToken cannot unset it in the process that started this session; remove it there (and here: Remove-Item Env:{name}).");
        }
    }

    /// <summary>Asks about each step of <paramref name="plan"/>; returns the plan without the declined ones.</summary>
    private static CodexLogoutPlan Confirm(CodexLogoutPlan plan, bool force, IHostInteraction host, out bool declined)
    {
        var approval = new Approval(host, force, plan.Question);
        var approved = plan;
        foreach (var (change, target, action) in plan.Steps)
        {
            if (!approval.Approve(target, action)) approved = approved.Without(change);
        }
        declined = approval.Declined;
        return approved;
    }

    /// <summary>
    /// Each change is confirmed by ShouldProcess (-WhatIf, -Confirm); the first one approved is followed by one
    /// ShouldContinue for the whole logout unless -Force, the same rule for an API key, a ChatGPT login or a lone
    /// auth_token, as Disconnect-Org asks per org. A "no" there changes nothing; a host that cannot ask throws
    /// ConfirmationNotPossible before anything changed.
    /// </summary>
    private sealed class Approval
    {
        private readonly IHostInteraction _host;
        private readonly string _question;
        private bool _asked;
        private bool _refused;

        public Approval(IHostInteraction host, bool force, string question)
        {
            _host = host;
            _asked = force;
            _question = question;
        }

        public bool Declined { get; private set; }

        public bool Approve(string target, string action)
        {
            if (_refused) return false;
            if (!_host.ShouldProcess(target, action))
            {
                Declined = true;
                return false;
            }
            if (_asked) return true;
            _asked = true;
            bool yesToAll = false, noToAll = false;
            if (_host.ShouldContinue(_question, "Log out of the Codex CLI", ref yesToAll, ref noToAll)) return true;
            _refused = true;
            Declined = true;
            return false;
        }
    }

    /// <summary>Applies exactly <paramref name="plan"/> (already approved) and returns what happened.</summary>
    private static CodexLogoutResult Apply(CodexContext context, CodexLogoutPlan plan, TimeSpan lockWait, IHostInteraction host)
    {
        var outcome = new Outcome();
        if (plan.KeyringUnreachable is { } unreachable) outcome.Fail(plan.KeyringRemaining, unreachable);

        if (plan.Revocation is { } revocation) Revoke(revocation, outcome, host);
        else outcome.Revocation = plan.RevocationNote;

        if ((plan.DeletesKeyringEntry || plan.DeletesAuthFile) && Directory.Exists(plan.Home))
        {
            using var locks = CodexLocks.Acquire(plan.Home, lockWait);
            if (plan.DeletesKeyringEntry) DeleteKeyringEntry(context, plan, outcome, host);
            if (plan.DeletesAuthFile) DeleteAuthFile(plan.AuthFile, outcome, host);
        }
        else if (plan.DeletesKeyringEntry)
        {
            DeleteKeyringEntry(context, plan, outcome, host);
        }

        if (plan.ChangesLocalState) RemoveLeftovers(plan.Home, host);
        if (plan.RemovesLegacyAuthToken && plan.Config.RemoveLegacyAuthToken())
        {
            outcome.LegacyAuthTokenRemoved = true;
            outcome.Removed.Add($"auth_token key in {plan.Config.UserConfigPath}");
        }
        return outcome.ToResult(plan);
    }

    /// <summary>What the apply phase has done so far; becomes the immutable CodexLogoutResult.</summary>
    private sealed class Outcome
    {
        private string? _failure;

        public List<string> Removed { get; } = new();
        public List<string> Remaining { get; } = new();
        public bool AuthFileRemoved { get; set; }
        public bool KeyringEntryRemoved { get; set; }
        public bool LegacyAuthTokenRemoved { get; set; }
        public bool TokenRevoked { get; set; }
        public string Revocation { get; set; } = "";

        /// <summary>Something is still stored; the first keyring failure is codex's "failed to delete auth from keyring".</summary>
        public void Fail(string remaining, KeyringUnavailableException e) => Fail(remaining, "failed to delete auth from keyring: " + e.Message);

        public void Fail(string remaining, string reason)
        {
            Remaining.Add(remaining);
            _failure ??= reason;
        }

        public CodexLogoutResult ToResult(CodexLogoutPlan plan) => new(plan.Home, plan.Config.Store, AuthFileRemoved, KeyringEntryRemoved,
            LegacyAuthTokenRemoved, Removed.ToArray(), TokenRevoked, Revocation, Remaining.ToArray(), _failure);
    }

    /// <summary>
    /// Deletes what a run killed while rewriting config.toml left in <paramref name="home"/> (only this module's temp
    /// naming, only older than <see cref="LeftoverAge"/>), with a warning each. Runs only when this run changes something,
    /// so -WhatIf and a refused prompt change nothing.
    /// </summary>
    private static void RemoveLeftovers(string home, IHostInteraction host)
    {
        foreach (var leftover in AtomicFile.RemoveLeftovers(home, LeftoverAge))
            host.WriteWarning($"Removed {leftover}, left behind by an interrupted run.");
    }

    /// <summary>Sends the planned revocation; a failure is a warning, never a stop (best-effort, as in codex).</summary>
    private static void Revoke(CodexPlannedRevocation revocation, Outcome outcome, IHostInteraction host)
    {
        bool revoked;
        string result;
        using (new ProgressScope(host, RevokeProgressId, "Revoking the ChatGPT " + revocation.Kind, $"Waiting for {revocation.Url.Authority}"))
            (revoked, result) = CodexRevoker.Revoke(revocation.Url, revocation.Tokens, host.Stopping);
        outcome.TokenRevoked = revoked;
        outcome.Revocation = (revoked ? "Revoked: " : "Revocation failed (best-effort, as in codex): ") + result + ".";
        if (!revoked) host.WriteWarning($"The ChatGPT {revocation.Kind} could not be revoked ({result}); the local credentials are removed anyway, as codex does.");
    }

    private static void DeleteKeyringEntry(CodexContext context, CodexLogoutPlan plan, Outcome outcome, IHostInteraction host)
    {
        try
        {
            if (!context.Keyring.Delete(CodexHome.KeyringService, CodexHome.KeyringAccount(plan.Home))) return;
            outcome.KeyringEntryRemoved = true;
            outcome.Removed.Add($"keyring entry {plan.KeyringEntry}");
        }
        catch (KeyringUnavailableException e)
        {
            outcome.Fail(plan.KeyringRemaining, e);
            host.WriteError(CodexErrors.KeyringUnavailable(plan.KeyringEntry, plan.KeyringRemaining, e));
        }
    }

    private static void DeleteAuthFile(string authFile, Outcome outcome, IHostInteraction host)
    {
        try
        {
            if (Directory.Exists(authFile)) throw new IOException("Is a directory (os error 21)");
            File.Delete(authFile);
            outcome.AuthFileRemoved = true;
            outcome.Removed.Add($"file {authFile}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            outcome.Fail($"file {authFile}", e.Message);
            host.WriteError(CodexErrors.AuthFileNotRemoved(authFile, e));
        }
    }
}
