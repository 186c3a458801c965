using System.Management.Automation;
using LogoutModule.Commands.Internal;
using LogoutModule.Core.Auth0;

namespace LogoutModule.Commands;

/// <summary>
/// Ends the Auth0 session of the default browser by opening the logout URL there.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "Auth0Session", DefaultParameterSetName = V2Set, SupportsShouldProcess = true,
    HelpUri = "https://auth0.com/docs/api/authentication#logout")]
[OutputType(typeof(Auth0LogoutSession), typeof(Auth0LogoutUrl))]
public sealed class DisconnectAuth0SessionCommand : Auth0LogoutCommandBase
{
    /// <summary>Listen on a loopback returnTo and report when the browser arrives back.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long -Wait waits for the browser, in seconds.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 120;

    /// <summary>Only emit the URL; open nothing.</summary>
    [Parameter]
    public SwitchParameter NoBrowser { get; set; }

    protected override void ProcessRecord() => Run(() => DisconnectAuth0SessionOperation.Invoke(Auth0Context.FromProcess(),
        LogoutRequest<DisconnectAuth0SessionRequest>() with { Wait = Wait, NoBrowser = NoBrowser, Timeout = TimeSpan.FromSeconds(TimeoutSec) }, Interaction));
}
