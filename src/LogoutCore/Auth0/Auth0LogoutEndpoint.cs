using System.Text;

namespace LogoutModule.Core.Auth0;

/// <summary>Which Auth0 logout endpoint a URL is for.</summary>
public enum Auth0LogoutEndpoint
{
    /// <summary>GET /v2/logout with returnTo.</summary>
    V2,
    /// <summary>/oidc/logout (OIDC RP-initiated logout) with post_logout_redirect_uri.</summary>
    Oidc,
}
