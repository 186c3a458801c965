using System.Management.Automation;
using LogoutModule.Core.Auth0;

namespace LogoutModule.Commands.Internal;

/// <summary>Where an Auth0 cmdlet sends its requests: a strict -Domain, or the separate -BaseUri for test servers.</summary>
public abstract class Auth0CommandBase : LogoutCommandBase
{
    /// <summary>The tenant or custom domain as a bare host name, for example acme.eu.auth0.com.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Domain { get; set; }

    /// <summary>For tests and self-hosted gateways only: the server address used instead of https://{Domain}/ (https, or http on loopback).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }
}
