using System.Text;
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

    [ThreadStatic] private static StringBuilder? t_text;

    /// <summary>The ShouldProcess action: every change, in the order they are made.</summary>
    public string Action(string aliasFile)
    {
        // One builder per thread, reused: a -All logout of 10,000 orgs asks ShouldProcess 10,000 times, and a builder
        // each (with its growing buffers) was a fifth of what that logout allocated.
        var text = (t_text ??= new StringBuilder(256)).Clear().Append(FinishesInterrupted ? "Finish the interrupted logout: " : "Log out: ");
        var first = true;
        StringBuilder Change()
        {
            if (!first) text.Append("; ");
            first = false;
            return text;
        }
        if (RevocationEndpoint is { } endpoint) Change().Append("revoke its token at ").Append(HttpSender.Describe(endpoint));
        else if (RevocationProblem is { } problem) Change().Append("revoke its token (cannot be done: ").Append(problem).Append(", so the org would stay logged in)");
        foreach (var (key, _) in ConfigKeys)
            Change().Append("unset ").Append(key.Key).Append(" in ").Append(key.ConfigFile).Append(" and ").Append(key.MirrorKey).Append(" in ").Append(key.MirrorFile);
        if (Aliases.Count > 0)
        {
            Change().Append("remove the alias(es) ");
            for (var index = 0; index < Aliases.Count; index++) text.Append(index > 0 ? ", " : "").Append(Aliases[index].Key);
            text.Append(" from ").Append(aliasFile);
        }
        if (DeletesAuthFile) Change().Append("delete the auth file ").Append(Org.AuthFile);
        else Change().Append("leave the auth file ").Append(Org.AuthFile).Append(" (it is not named after ").Append(Org.Username).Append(')');
        // Usernames, alias names and paths come from files: escaped, so none can forge a line of the What-if text.
        return PrintableText.Of(text.ToString());
    }
}
