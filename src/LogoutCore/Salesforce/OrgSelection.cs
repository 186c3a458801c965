namespace LogoutModule.Core.Salesforce;

/// <summary>
/// The orgs one pipeline record of Disconnect-Org names: usernames or aliases looked up in <see cref="HomePath"/>, and
/// org objects, each logged out in the home it was listed from.
/// </summary>
public sealed record OrgSelection
{
    /// <summary>Usernames or aliases (exact, case-sensitive, as sf matches them).</summary>
    public IReadOnlyList<string> TargetOrgs { get; init; } = Array.Empty<string>();

    /// <summary>Org objects from Get-AuthenticatedOrg, matched by username in the home they were listed from.</summary>
    public IReadOnlyList<OrgAuthorization> InputObjects { get; init; } = Array.Empty<OrgAuthorization>();

    /// <summary>The home folder whose sf state to use (-HomePath); null for the context's own.</summary>
    public string? HomePath { get; init; }
}
