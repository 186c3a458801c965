using System.Management.Automation;
using System.Security;
using LogoutModule.Core.Auth0;

namespace LogoutModule.Commands.Internal;

/// <summary>The logout-URL parameters Get-Auth0LogoutUrl and Disconnect-Auth0Session share, and the request they make.</summary>
public abstract class Auth0LogoutCommandBase : Auth0CommandBase
{
    internal const string V2Set = "V2";
    internal const string OidcSet = "Oidc";

    /// <summary>The application's client id; selects the application's Allowed Logout URLs instead of the tenant's.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ClientId { get; set; }

    /// <summary>/v2/logout: the absolute http(s) URL to land on after logout.</summary>
    [Parameter(ParameterSetName = V2Set, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ReturnTo { get; set; }

    /// <summary>Also log out of the upstream identity provider (sent as a bare federated flag).</summary>
    [Parameter]
    public SwitchParameter Federated { get; set; }

    /// <summary>Use OIDC RP-initiated logout (/oidc/logout) instead of /v2/logout.</summary>
    [Parameter(ParameterSetName = OidcSet, Mandatory = true)]
    public SwitchParameter Oidc { get; set; }

    /// <summary>/oidc/logout: the ID token previously issued to the application, as a SecureString so that no record's InvocationInfo carries it.</summary>
    [Parameter(ParameterSetName = OidcSet)]
    [ValidateNotNull]
    public SecureString? IdTokenHint { get; set; }

    /// <summary>/oidc/logout: the session id (sid) to end.</summary>
    [Parameter(ParameterSetName = OidcSet)]
    [ValidateNotNullOrEmpty]
    public string? LogoutHint { get; set; }

    /// <summary>/oidc/logout: where to land after logout; must match an Allowed Logout URL exactly.</summary>
    [Parameter(ParameterSetName = OidcSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? PostLogoutRedirectUri { get; set; }

    /// <summary>/oidc/logout: an opaque value echoed back to PostLogoutRedirectUri.</summary>
    [Parameter(ParameterSetName = OidcSet)]
    [ValidateNotNullOrEmpty]
    public string? State { get; set; }

    /// <summary>/oidc/logout: preferred languages of the confirmation page, space-separated.</summary>
    [Parameter(ParameterSetName = OidcSet)]
    [ValidateNotNullOrEmpty]
    public string? UiLocales { get; set; }

    /// <summary>The logout URL's parts as given, in the request type of the cmdlet (a derived request adds its switches).</summary>
    internal T LogoutRequest<T>() where T : GetAuth0LogoutUrlRequest, new() => new()
    {
        Domain = Domain,
        BaseUri = BaseUri,
        Endpoint = Oidc ? Auth0LogoutEndpoint.Oidc : Auth0LogoutEndpoint.V2,
        ClientId = ClientId,
        ReturnTo = Oidc ? PostLogoutRedirectUri : ReturnTo,
        Federated = Federated,
        IdTokenHint = IdTokenHint,
        LogoutHint = LogoutHint,
        State = State,
        UiLocales = UiLocales,
    };
}
