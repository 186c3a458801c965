using System.Text;

namespace LogoutModule.Core.Auth0;

/// <summary>What a logout URL is built from. Validate() checks every value before anything is built.</summary>
public sealed class LogoutUrlRequest
{
    public string? Domain { get; init; }
    /// <summary>For loopback test servers and self-hosted gateways; replaces https://{Domain}/.</summary>
    public Uri? BaseUri { get; init; }
    public Auth0LogoutEndpoint Endpoint { get; init; }
    public string? ClientId { get; init; }
    /// <summary>returnTo on /v2/logout, post_logout_redirect_uri on /oidc/logout.</summary>
    public string? RedirectUri { get; init; }
    public bool Federated { get; init; }
    public string? IdTokenHint { get; init; }
    public string? LogoutHint { get; init; }
    public string? State { get; init; }
    public string? UiLocales { get; init; }

    public LogoutUrlRequest WithRedirectUri(string redirectUri) => new()
    {
        Domain = Domain, BaseUri = BaseUri, Endpoint = Endpoint, ClientId = ClientId, RedirectUri = redirectUri, Federated = Federated,
        IdTokenHint = IdTokenHint, LogoutHint = LogoutHint, State = State, UiLocales = UiLocales,
    };

    internal string RedirectParameterName => Endpoint == Auth0LogoutEndpoint.V2 ? "ReturnTo" : "PostLogoutRedirectUri";
}
