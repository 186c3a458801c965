using LogoutModule.Core.Shared;
using LogoutModule.Core.Shared.Http;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// One org's part of a Disconnect-Org plan (see DisconnectOrgPlan): what -WhatIf shows for it and exactly what the apply
/// phase does. Every entry holds the value it had when planned; the apply phase removes it only if it still does.
/// </summary>
internal sealed record OrgLogoutPlan(OrgAuthorization Org)
{
    /// <summary>Whether the auth file is deleted: only a file named after its username, the one sf deletes.</summary>
    public bool DeletesAuthFile { get; init; }

    /// <summary>The aliases to remove from alias.json, each with the username it names.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Aliases { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The config keys to unset (both files of their location), each with the name it holds.</summary>
    public IReadOnlyList<(UnsetConfigKey Key, string Value)> ConfigKeys { get; init; } = Array.Empty<(UnsetConfigKey, string)>();

    /// <summary>With -Revoke: where the token goes; null when it cannot be revoked (see RevocationProblem) or was not asked.</summary>
    public Uri? RevocationEndpoint { get; init; }

    /// <summary>With -Revoke: why the token cannot be revoked (the org then stays logged in); null otherwise.</summary>
    public string? RevocationProblem { get; init; }

    public bool Revokes => RevocationEndpoint is not null || RevocationProblem is not null;

    /// <summary>True when an interrupted run had confirmed this logout and this run finishes it (see LogoutJournal).</summary>
    public bool FinishesInterrupted { get; init; }

    /// <summary>The ShouldProcess target: the username, with its aliases.</summary>
    public string Target => TargetOf(Org);

    /// <summary>How every ShouldProcess of Disconnect-Org names an org: its username, with its aliases, control characters
    /// escaped (PrintableText), since both come from files anyone could have written and end up in the host's text.</summary>
    public static string TargetOf(OrgAuthorization org) =>
        PrintableText.Of(org.Aliases.Length == 0 ? org.Username : $"{org.Username} ({org.Alias})");

    /// <summary>The ShouldProcess action: every change, in the order they are made.</summary>
    public string Action(string aliasFile)
    {
        var changes = new List<string>();
        if (RevocationEndpoint is { } endpoint) changes.Add($"revoke its token at {HttpSender.Describe(endpoint)}");
        else if (RevocationProblem is { } problem) changes.Add($"revoke its token (cannot be done: {problem}, so the org would stay logged in)");
        foreach (var (key, _) in ConfigKeys) changes.Add($"unset {key.Key} in {key.ConfigFile} and {key.MirrorKey} in {key.MirrorFile}");
        if (Aliases.Count > 0) changes.Add($"remove the alias(es) {string.Join(", ", Aliases.Select(alias => alias.Key))} from {aliasFile}");
        changes.Add(DeletesAuthFile ? $"delete the auth file {Org.AuthFile}" : $"leave the auth file {Org.AuthFile} (it is not named after {Org.Username})");
        // Usernames, alias names and paths come from files: escaped, so none can forge a line of the What-if text.
        return PrintableText.Of((FinishesInterrupted ? "Finish the interrupted logout: " : "Log out: ") + string.Join("; ", changes));
    }
}
