using System.Security;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>
/// What an Auth0 logout URL is built from (Get-Auth0LogoutUrl; Disconnect-Auth0Session adds its switches). Every value
/// is checked when the URL is built (LogoutUrlBuilder), before anything is emitted or opened.
/// </summary>
public record GetAuth0LogoutUrlRequest
{
    /// <summary>The tenant or custom domain, a bare host name; exactly one of Domain and BaseUri.</summary>
    public string? Domain { get; init; }

    /// <summary>For loopback test servers and self-hosted gateways; replaces https://{Domain}/.</summary>
    public Uri? BaseUri { get; init; }

    public Auth0LogoutEndpoint Endpoint { get; init; }
    public string? ClientId { get; init; }

    /// <summary>Where Auth0 sends the browser afterwards: returnTo on /v2/logout, post_logout_redirect_uri on /oidc/logout.</summary>
    public string? ReturnTo { get; init; }

    /// <summary>Also log out of the upstream identity provider (a bare federated flag).</summary>
    public bool Federated { get; init; }

    /// <summary>/oidc/logout: the ID token previously issued, as a SecureString so no text of the request carries it.</summary>
    public SecureString? IdTokenHint { get; init; }

    public string? LogoutHint { get; init; }
    public string? State { get; init; }
    public string? UiLocales { get; init; }
}

/// <summary>Get-Auth0LogoutUrl: builds the URL and emits it; an invalid value is this item's non-terminating error.</summary>
public static class GetAuth0LogoutUrlOperation
{
    /// <summary>
    /// Writes one Auth0LogoutUrl, or the item's non-terminating error (InvalidArgument: DomainRequired, InvalidAuth0Domain,
    /// InvalidBaseUri, InvalidReturnTo, InvalidLogoutParameter, OidcParameterWithoutOidc). Builds only; nothing is sent.
    /// </summary>
    public static void Invoke(Auth0Context context, GetAuth0LogoutUrlRequest request, IHostInteraction host)
    {
        if (ItemErrors.Try(host, () => LogoutUrlBuilder.Build(request)) is { } url) host.WriteObject(url);
    }
}
