namespace LogoutModule.Core.Salesforce;

/// <summary>
/// The outcome of one org's revocation: the status reported on its result, why (no token text), and whether the
/// revocation could not be done, in which case the org must stay logged in (its token may still be valid).
/// </summary>
public sealed record RevocationOutcome(RevocationStatus Status, string? Reason, bool Failed = false)
{
    public static RevocationOutcome CouldNotBeDone(string reason) => new(RevocationStatus.NotRevoked, reason, Failed: true);
}
