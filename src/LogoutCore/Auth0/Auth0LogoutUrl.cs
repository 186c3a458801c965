using System.Text;

namespace LogoutModule.Core.Auth0;

/// <summary>
/// A built Auth0 logout URL. Url is what may be shown: the URL with id_token_hint=*** when a hint was given.
/// GetUri() returns the complete URL to open; it is a method, not a property, so Format-List *, ConvertTo-Json and
/// Export-Csv never write the id token out.
/// </summary>
public sealed class Auth0LogoutUrl
{
    private readonly Uri _uri;

    internal Auth0LogoutUrl(Uri uri, string url, Auth0LogoutEndpoint endpoint, string? clientId, string? redirectUri, bool federated)
    {
        _uri = uri;
        Url = url;
        Endpoint = endpoint;
        ClientId = clientId;
        // Named as the cmdlets' parameters, so the object binds by property name to Disconnect-Auth0Session.
        if (endpoint == Auth0LogoutEndpoint.V2) ReturnTo = redirectUri;
        else PostLogoutRedirectUri = redirectUri;
        Federated = federated;
    }

    public string Url { get; }
    public Auth0LogoutEndpoint Endpoint { get; }
    public string? ClientId { get; }
    /// <summary>/v2/logout's returnTo; null for an /oidc/logout URL.</summary>
    public string? ReturnTo { get; }

    /// <summary>/oidc/logout's post_logout_redirect_uri; null for a /v2/logout URL.</summary>
    public string? PostLogoutRedirectUri { get; }
    public bool Federated { get; }

    public Uri GetUri() => _uri;

    public override string ToString() => Url;
}
