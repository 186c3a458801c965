using System.Management.Automation;
using System.Security;
using LogoutModule.Commands.Completion;
using LogoutModule.Commands.Internal;
using LogoutModule.Core.Auth0;

namespace LogoutModule.Commands;

/// <summary>
/// Tells whether Auth0 would accept a returnTo: offline against the Allowed Logout URLs, or by probing the server.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "Auth0LogoutUrl", DefaultParameterSetName = ListSet,
    HelpUri = "https://auth0.com/docs/authenticate/login/logout/redirect-users-after-logout")]
[OutputType(typeof(Auth0LogoutUrlTest), typeof(bool))]
public sealed class TestAuth0LogoutUrlCommand : LogoutCommandBase
{
    private const string ListSet = "AllowedLogoutUrl";
    private const string ManagementSet = "ManagementApi";
    private const string ProbeSet = "Probe";

    /// <summary>The returnTo (or post_logout_redirect_uri with -Oidc) to check.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PostLogoutRedirectUri")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ReturnToCompleter))]
    public string ReturnTo { get; set; } = "";

    /// <summary>The Allowed Logout URLs to match against, as configured in Auth0.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ListSet)]
    [AllowEmptyCollection]
    public string[] AllowedLogoutUrl { get; set; } = Array.Empty<string>();

    /// <summary>A Management API token (read:clients with -ClientId, read:tenant_settings without) to fetch the Allowed Logout URLs.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ManagementSet)]
    [ValidateNotNull]
    public SecureString? ManagementToken { get; set; }

    /// <summary>Ask the server itself: a cookie-less GET of the /v2/logout URL without following redirects.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ProbeSet)]
    public SwitchParameter Probe { get; set; }

    /// <summary>The tenant or custom domain as a bare host name (needed with -ManagementToken and -Probe).</summary>
    [Parameter(ParameterSetName = ManagementSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ProbeSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Domain { get; set; }

    /// <summary>For tests and self-hosted gateways only: the server address used instead of https://{Domain}/.</summary>
    [Parameter(ParameterSetName = ManagementSet)]
    [Parameter(ParameterSetName = ProbeSet)]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>The application whose list applies; without it the tenant's list applies.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ClientId { get; set; }

    /// <summary>Apply /oidc/logout's rules (exact query, no wildcards) instead of /v2/logout's; with -Probe, probe /oidc/logout.</summary>
    [Parameter]
    public SwitchParameter Oidc { get; set; }

    /// <summary>How long to wait for the server, in seconds.</summary>
    [Parameter(ParameterSetName = ManagementSet)]
    [Parameter(ParameterSetName = ProbeSet)]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = 30;

    /// <summary>Return only $true or $false (whether the returnTo is accepted), for use in if and Where-Object.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void ProcessRecord() => Run(() => TestAuth0LogoutUrlOperation.Invoke(Auth0Context.FromProcess(),
        new TestAuth0LogoutUrlRequest
        {
            ReturnTo = ReturnTo, Endpoint = Oidc ? Auth0LogoutEndpoint.Oidc : Auth0LogoutEndpoint.V2, ClientId = ClientId, Domain = Domain, BaseUri = BaseUri,
            AllowedLogoutUrls = ParameterSetName == ListSet ? AllowedLogoutUrl : null,
            ManagementToken = ManagementToken,
            Probe = Probe,
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
            Quiet = Quiet,
        },
        Interaction));
}
