using System.Management.Automation;
using System.Security;
using LogoutModule.Commands.Internal;
using LogoutModule.Core.Auth0;

namespace LogoutModule.Commands;

/// <summary>
/// Revokes an Auth0 refresh token (POST /oauth/revoke); the token and client secret are never shown.
/// </summary>
[Cmdlet(VerbsSecurity.Revoke, "Auth0RefreshToken", DefaultParameterSetName = ClientIdSet, SupportsShouldProcess = true,
    HelpUri = "https://auth0.com/docs/api/authentication#revoke-refresh-token")]
[OutputType(typeof(Auth0TokenRevocation))]
public sealed class RevokeAuth0RefreshTokenCommand : Auth0CommandBase
{
    private const string ClientIdSet = "ClientId";
    private const string CredentialSet = "Credential";

    /// <summary>The application's client id.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClientIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClientId { get; set; } = "";

    /// <summary>The client secret of a confidential application.</summary>
    [Parameter(ParameterSetName = ClientIdSet)]
    [ValidateNotNull]
    public SecureString? ClientSecret { get; set; }

    /// <summary>The client id as user name and the client secret as password.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>
    /// The refresh token to revoke, as a SecureString so that no record's InvocationInfo carries it; SecureString values
    /// bind from the pipeline by value, or by property name (RefreshToken, refresh_token).
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("refresh_token")]
    [ValidateNotNull]
    public SecureString? RefreshToken { get; set; }

    /// <summary>How long to wait for the server, in seconds.</summary>
    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = 30;

    protected override void ProcessRecord() => Run(() => RevokeAuth0RefreshTokenOperation.Invoke(Auth0Context.FromProcess(),
        new RevokeAuth0RefreshTokenRequest(Credential?.UserName ?? ClientId!, RefreshToken!)
        {
            Domain = Domain, BaseUri = BaseUri, ClientSecret = Credential?.Password ?? ClientSecret, Timeout = TimeSpan.FromSeconds(TimeoutSec),
        },
        Interaction));
}
