namespace LogoutModule.Core.Auth0;

/// <summary>Test-Auth0LogoutUrl's answer: whether Auth0 would send the browser back to ReturnTo, and why.</summary>
public sealed class Auth0LogoutUrlTest
{
    private Auth0LogoutUrlTest(string returnTo, Auth0LogoutEndpoint endpoint, string source, bool accepted, string reason)
    {
        ReturnTo = returnTo;
        Endpoint = endpoint;
        Source = source;
        Accepted = accepted;
        Reason = reason;
    }

    public string ReturnTo { get; }
    public Auth0LogoutEndpoint Endpoint { get; }
    /// <summary>What was checked: the given list, the application's or tenant's list from the Management API, or the live probe.</summary>
    public string Source { get; }
    public bool Accepted { get; }
    public string Reason { get; }
    public string? MatchedEntry { get; private init; }
    /// <summary>The probe's HTTP status; null offline.</summary>
    public int? StatusCode { get; private init; }
    /// <summary>The probe's Location header; null offline or without a redirect.</summary>
    public string? Location { get; private init; }
    /// <summary>A near miss worth fixing, such as a trailing slash that differs.</summary>
    public string? Hint { get; private init; }

    internal static Auth0LogoutUrlTest Offline(string returnTo, Auth0LogoutEndpoint endpoint, string source, AllowListMatch match)
        => new(returnTo, endpoint, source, match.Accepted, match.Reason) { MatchedEntry = match.MatchedEntry, Hint = match.Hint };

    internal static Auth0LogoutUrlTest Probed(Auth0LogoutUrl url, string returnTo, bool accepted, string reason, int statusCode, string? location)
        => new(returnTo, url.Endpoint, "Probe", accepted, reason) { StatusCode = statusCode, Location = location };

    public override string ToString() => $"{(Accepted ? "Accepted" : "Rejected")}: {ReturnTo}";
}
