using System.Management.Automation;
using LogoutModule.Commands.Internal;
using LogoutModule.Core.Auth0;

namespace LogoutModule.Commands;

/// <summary>
/// Builds an Auth0 logout URL (/v2/logout or /oidc/logout) encoded exactly as auth0.js encodes it.
/// </summary>
[Cmdlet(VerbsCommon.Get, "Auth0LogoutUrl", DefaultParameterSetName = V2Set,
    HelpUri = "https://auth0.com/docs/api/authentication#logout")]
[OutputType(typeof(Auth0LogoutUrl))]
public sealed class GetAuth0LogoutUrlCommand : Auth0LogoutCommandBase
{
    protected override void ProcessRecord() => Run(() => GetAuth0LogoutUrlOperation.Invoke(Auth0Context.FromProcess(), LogoutRequest<GetAuth0LogoutUrlRequest>(), Interaction));
}
