using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>What Get-AuthenticatedOrg was asked to list.</summary>
public sealed record GetAuthenticatedOrgRequest
{
    /// <summary>-Name: usernames or aliases, wildcards allowed, case-insensitive; empty lists every org.</summary>
    public IReadOnlyList<string> Names { get; init; } = Array.Empty<string>();
}

/// <summary>Get-AuthenticatedOrg: lists the orgs, filtered by username or alias wildcards, one object each.</summary>
public static class GetAuthenticatedOrgOperation
{
    /// <summary>
    /// Writes one OrgAuthorization per org of <paramref name="context"/>'s home that a name matches (every org without
    /// names), sorted by username; sf's warnings as warnings; an InvalidNamePattern error per invalid pattern and an
    /// OrgNotFound error per name without wildcards that matches nothing. Throws LogoutException (ConfigFileInvalid,
    /// AliasFileInvalid) when sf's own files cannot be read.
    /// </summary>
    public static void Invoke(SalesforceContext context, GetAuthenticatedOrgRequest request, IHostInteraction host)
    {
        var names = request.Names;
        var snapshot = OrgReader.Read(context);
        foreach (var warning in snapshot.Warnings) host.WriteWarning(warning);
        host.WriteVerbose(ReadNotice(snapshot));
        WarnOfUnfinishedLogouts(snapshot, host);

        if (names.Count == 0)
        {
            foreach (var org in snapshot.Orgs) host.WriteObject(org);
            return;
        }

        var patterns = new List<Wildcard>();
        foreach (var name in names)
        {
            if (Wildcard.TryCreate(name, out var reason) is { } pattern) patterns.Add(pattern);
            else host.WriteError(SalesforceErrors.InvalidNamePattern(name, reason));
        }
        foreach (var org in snapshot.Orgs.Where(org => patterns.Any(pattern => Matches(pattern, org))))
            host.WriteObject(org);

        foreach (var pattern in patterns.Where(p => !Wildcard.ContainsWildcard(p.Pattern) && !snapshot.Orgs.Any(org => Matches(p, org))))
        {
            host.WriteError(SalesforceErrors.OrgNotFound(pattern.Pattern));
        }
    }

    /// <summary>What a listing says it read: how many orgs, from which folder, with which project's config.</summary>
    internal static string ReadNotice(OrgSnapshot snapshot)
        => $"Read {snapshot.Orgs.Count} org(s) from {snapshot.Paths.SfdxDirectory}"
           + (snapshot.Paths.ProjectDirectory is { } project ? $" with the project config of {project}." : ".");

    /// <summary>Orgs an interrupted Disconnect-Org left half logged out are listed as they are, with a warning naming them.</summary>
    private static void WarnOfUnfinishedLogouts(OrgSnapshot snapshot, IHostInteraction host)
    {
        var journals = LogoutJournal.FindInterrupted(snapshot.Paths, tidy: false);
        try
        {
            var unfinished = LogoutJournal.Unfinished(journals, snapshot.Orgs, new List<OrgAuthorization>());
            if (unfinished.Count > 0) host.WriteWarning(DisconnectOrgOperation.UnfinishedNotice(unfinished));
        }
        finally
        {
            foreach (var journal in journals) journal.Dispose();
        }
    }

    private static bool Matches(Wildcard pattern, OrgAuthorization org)
        => pattern.IsMatch(org.Username) || org.Aliases.Any(pattern.IsMatch);
}
