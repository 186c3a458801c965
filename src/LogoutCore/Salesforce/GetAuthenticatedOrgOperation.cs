using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>Get-AuthenticatedOrg: lists the orgs, filtered by username or alias wildcards, one object each.</summary>
public static class GetAuthenticatedOrgOperation
{
    public static void Invoke(SfContext context, IReadOnlyList<string>? names, IHostInteraction host)
    {
        var snapshot = SfOrgReader.Read(context);
        foreach (var warning in snapshot.Warnings) host.WriteWarning(warning);
        host.WriteVerbose($"Read {snapshot.Orgs.Count} org(s) from {snapshot.Paths.SfdxDirectory}"
            + (snapshot.Paths.ProjectDirectory is { } project ? $" with the project config of {project}." : "."));

        if (names is null || names.Count == 0)
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

    private static bool Matches(Wildcard pattern, OrgAuthorization org)
        => pattern.IsMatch(org.Username) || org.Aliases.Any(pattern.IsMatch);
}
