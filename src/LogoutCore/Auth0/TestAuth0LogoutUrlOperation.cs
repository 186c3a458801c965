using System.Security;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>The returnTo to check and where Test-Auth0LogoutUrl gets its verdict from: a given list, the Management API, or the probe.</summary>
public sealed record TestAuth0LogoutUrlRequest
{
    /// <summary>The returnTo to check (post_logout_redirect_uri with Endpoint Oidc); required.</summary>
    public string? ReturnTo { get; init; }

    /// <summary>Which endpoint's rules apply (and which one -Probe asks).</summary>
    public Auth0LogoutEndpoint Endpoint { get; init; }

    /// <summary>The application whose list applies; null for the tenant's list.</summary>
    public string? ClientId { get; init; }

    /// <summary>The tenant (bare host name) for the Management API and the probe; or BaseUri.</summary>
    public string? Domain { get; init; }

    /// <summary>For loopback test servers and self-hosted gateways; replaces https://{Domain}/.</summary>
    public Uri? BaseUri { get; init; }

    /// <summary>-AllowedLogoutUrl: the list to match offline.</summary>
    public IReadOnlyList<string>? AllowedLogoutUrls { get; init; }

    /// <summary>-ManagementToken: read the list through the Management API.</summary>
    public SecureString? ManagementToken { get; init; }

    /// <summary>-Probe: ask the server itself with a cookie-less GET.</summary>
    public bool Probe { get; init; }

    /// <summary>How long the Management API or the probe may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>-Quiet: emit only whether the returnTo is accepted ($true/$false), as Test-Connection -Quiet does.</summary>
    public bool Quiet { get; init; }
}

/// <summary>
/// Test-Auth0LogoutUrl: the offline allow-list check, or the live cookie-less probe. An invalid value of one item is
/// that item's non-terminating error; a call that names no list to check against terminates.
/// </summary>
public static class TestAuth0LogoutUrlOperation
{
    private const int ProgressId = 0x0A07;

    /// <summary>
    /// Writes one Auth0LogoutUrlTest (or its Accepted with Quiet). Throws LogoutException ReturnToRequired or
    /// AllowListRequired (InvalidArgument) for a call that cannot be answered, Auth0Unreachable (ConnectionError) when the
    /// probe gets no answer, and the Management API's errors (Auth0Errors.ManagementApi*). An invalid returnTo, domain
    /// or base URI is the item's non-terminating error (InvalidArgument).
    /// </summary>
    public static void Invoke(Auth0Context context, TestAuth0LogoutUrlRequest request, IHostInteraction host)
    {
        if (request.ReturnTo is not { } given) throw Auth0Errors.ReturnToRequired();
        if (!request.Probe && request.AllowedLogoutUrls is null && request.ManagementToken is null)
            throw Auth0Errors.AllowListRequired();
        var returnTo = ItemErrors.Try(host, () => ReturnToUrl.Validate(given, ReturnToUrl.ParameterName(request.Endpoint)));
        if (returnTo is null) return;

        if (request.Probe)
        {
            var url = ItemErrors.Try(host, () => LogoutUrlBuilder.Build(new GetAuth0LogoutUrlRequest
            {
                Domain = request.Domain, BaseUri = request.BaseUri, Endpoint = request.Endpoint, ClientId = request.ClientId, ReturnTo = returnTo,
            }));
            if (url is null) return;
            host.WriteVerbose($"Probing {url.Url} without cookies or redirects.");
            Auth0LogoutUrlTest probed;
            using (new ProgressScope(host, ProgressId, "Probing the Auth0 logout URL", $"Waiting for {url.GetUri().Authority}"))
                probed = LogoutProbe.Probe(url, returnTo, request.Timeout, host.Stopping);
            Emit(probed, request, host);
            return;
        }

        IReadOnlyList<string> allowed;
        string source;
        if (request.AllowedLogoutUrls is { } list)
        {
            (allowed, source) = (list, "AllowedLogoutUrl");
        }
        else
        {
            var token = request.ManagementToken!;
            var baseUri = ItemErrors.Try(host, () => Auth0Address.Resolve(request.Domain, request.BaseUri));
            if (baseUri is null) return;
            source = request.ClientId is null ? "Tenant" : $"Application {request.ClientId}";
            host.WriteVerbose($"Reading the Allowed Logout URLs of the {source.ToLowerInvariant()} from {baseUri.AbsoluteUri}api/v2.");
            using (new ProgressScope(host, ProgressId, "Reading the Allowed Logout URLs from the Management API", $"Waiting for {baseUri.Authority}"))
                allowed = ManagementApiReader.ReadAllowedLogoutUrls(baseUri, request.ClientId, token, request.Timeout, host.Stopping);
        }

        var match = AllowListMatcher.Match(returnTo, allowed, request.Endpoint, host.WriteWarning);
        Emit(Auth0LogoutUrlTest.Offline(returnTo, request.Endpoint, source, match), request, host);
    }

    private static void Emit(Auth0LogoutUrlTest test, TestAuth0LogoutUrlRequest request, IHostInteraction host)
    {
        if (request.Quiet) host.WriteObject(test.Accepted);
        else host.WriteObject(test);
    }
}
