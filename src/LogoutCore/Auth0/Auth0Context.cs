namespace LogoutModule.Core.Auth0;

/// <summary>
/// What the Auth0 operations depend on besides their request: the browser that holds the Auth0 session cookie.
/// HTTP goes through Shared.Http.HttpSender (tests point -BaseUri at a loopback server instead of injecting one).
/// Cmdlets build it from the live session; tests build it by hand (a recording or following browser).
/// </summary>
public sealed record Auth0Context(IBrowserLauncher Browser)
{
    /// <summary>The live session: the user's default browser.</summary>
    public static Auth0Context FromProcess() => new(new SystemBrowserLauncher());
}
