using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>
/// One Remove-CodexToken run's changes, decided once before anything is asked or changed, from the stored login, the
/// keyring and config.toml: the revocation, the keyring entry, auth.json and config.toml's top-level auth_token (issue 10).
/// ShouldProcess (-WhatIf, -Confirm) and the one question are rendered from <see cref="Steps"/>; the approved plan
/// (<see cref="Without"/> each declined change) is exactly what is applied.
/// </summary>
internal sealed record CodexLogoutPlan(string Home, CodexConfig Config, string KeyringEntry)
{
    /// <summary>The revocation to send; null when there is none (<see cref="RevocationNote"/> says why).</summary>
    public CodexPlannedRevocation? Revocation { get; init; }

    /// <summary>The result's revocation text when none is sent: nothing to revoke, -SkipRevoke, or declined.</summary>
    public string RevocationNote { get; init; } = "";

    public bool DeletesKeyringEntry { get; init; }
    public bool DeletesAuthFile { get; init; }
    public bool RemovesLegacyAuthToken { get; init; }

    /// <summary>Why the keyring could not be asked for the entry; it may still be stored, and the result says so.</summary>
    public KeyringUnavailableException? KeyringUnreachable { get; init; }

    public string AuthFile => CodexStoredAuth.AuthFilePath(Home);

    /// <summary>What the result names as still stored when the keyring cannot be reached.</summary>
    public string KeyringRemaining => $"keyring entry {KeyringEntry}, if it exists";

    /// <summary>Whether anything stored locally changes (leftovers of killed runs are cleaned only then).</summary>
    public bool ChangesLocalState => DeletesKeyringEntry || DeletesAuthFile || RemovesLegacyAuthToken;

    /// <summary>Each change as ShouldProcess names it (target, action), in the order they are asked about and applied.</summary>
    public IEnumerable<(CodexLogoutChange Change, string Target, string Action)> Steps
    {
        get
        {
            if (Revocation is { } revocation) yield return (CodexLogoutChange.Revoke, revocation.Target, $"Revoke the ChatGPT {revocation.Kind}");
            if (DeletesKeyringEntry) yield return (CodexLogoutChange.KeyringEntry, KeyringEntry, "Remove the codex keyring entry");
            if (DeletesAuthFile) yield return (CodexLogoutChange.AuthFile, AuthFile, "Remove the codex credentials file");
            if (RemovesLegacyAuthToken) yield return (CodexLogoutChange.LegacyAuthToken, Config.UserConfigPath, "Remove the top-level auth_token key");
        }
    }

    /// <summary>The one "Are you sure" question, naming what this logout would do.</summary>
    public string Question
    {
        get
        {
            var changes = new List<string>();
            if (Revocation is not null)
                changes.Add("revoke the ChatGPT token at OpenAI (every copy of it stops working, including ones kept by account-switching tools; -SkipRevoke keeps them)");
            if (DeletesKeyringEntry) changes.Add("remove the keyring entry");
            if (DeletesAuthFile) changes.Add("remove auth.json");
            if (RemovesLegacyAuthToken) changes.Add("remove the auth_token key from config.toml");
            return changes.Count == 0
                ? $"Are you sure you want to log the Codex CLI out of {Home}?"
                : $"Are you sure you want to log the Codex CLI out of {Home}: {string.Join("; ", changes)}?";
        }
    }

    /// <summary>This plan without one change (declined at its ShouldProcess or by the question).</summary>
    public CodexLogoutPlan Without(CodexLogoutChange change) => change switch
    {
        CodexLogoutChange.Revoke => this with { Revocation = null, RevocationNote = "Not revoked (declined)." },
        CodexLogoutChange.KeyringEntry => this with { DeletesKeyringEntry = false },
        CodexLogoutChange.AuthFile => this with { DeletesAuthFile = false },
        _ => this with { RemovesLegacyAuthToken = false },
    };

    /// <summary>
    /// Reads what is stored in <paramref name="home"/> and plans its removal as `codex logout` would, plus config.toml's
    /// auth_token. What cannot be read is reported as it is found: an unreadable login as verbose (it is removed without
    /// revocation, as codex does), an unreachable keyring as the error CodexKeyringUnavailable (ResourceUnavailable).
    /// Throws CodexRevokeUrlInvalid (InvalidArgument) for an unusable revocation URL override.
    /// </summary>
    public static CodexLogoutPlan Build(CodexContext context, string home, CodexConfig config, RemoveCodexTokenRequest request, IHostInteraction host)
    {
        var stored = CodexStoredAuth.Load(context, home, config);
        if (stored.Error is { } unreadable)
            host.WriteVerbose($"The stored login could not be read ({unreadable}); it is removed without revocation, as codex does.");

        var plan = new CodexLogoutPlan(home, config, $"{CodexHome.KeyringService}/{CodexHome.KeyringAccount(home)} ({context.Keyring.Name})");
        if (config.Store is AuthCredentialsStoreMode.Keyring or AuthCredentialsStoreMode.Auto)
        {
            try
            {
                plan = plan with { DeletesKeyringEntry = context.Keyring.Read(CodexHome.KeyringService, CodexHome.KeyringAccount(home)) is not null };
            }
            catch (KeyringUnavailableException e)
            {
                host.WriteError(CodexErrors.KeyringUnavailable(plan.KeyringEntry, plan.KeyringRemaining, e));
                plan = plan with { KeyringUnreachable = e };
            }
        }
        plan = plan with
        {
            DeletesAuthFile = config.Store != AuthCredentialsStoreMode.Ephemeral && (File.Exists(plan.AuthFile) || Directory.Exists(plan.AuthFile)),
            RemovesLegacyAuthToken = config.HasLegacyAuthToken,
        };

        // codex revokes only a ChatGPT login with tokens; API keys have nothing to revoke.
        if (stored.Auth is not { Mode: "chatgpt", Tokens: { } tokens })
            return plan with { RevocationNote = stored.Auth is null ? "Nothing to revoke." : "Nothing to revoke: not a ChatGPT login." };
        if (request.SkipRevoke) return plan with { RevocationNote = "Skipped (-SkipRevoke)." };
        return plan with { Revocation = new CodexPlannedRevocation(CodexRevoker.ResolveUrl(context), tokens) };
    }
}
