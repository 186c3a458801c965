using System.Diagnostics;
using System.Security;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>
/// What Disconnect-Auth0Session did: the URL opened (any id_token_hint hidden), its returnTo, and with -Wait whether
/// and when the browser arrived back.
/// </summary>
public sealed record Auth0LogoutSession(string Url, string? ReturnTo, bool Waited, bool Returned, TimeSpan? ReturnedAfter)
{
    internal Auth0LogoutSession(Auth0LogoutUrl url, bool waited, bool returned, TimeSpan? returnedAfter)
        : this(url.Url, url.ReturnTo ?? url.PostLogoutRedirectUri, waited, returned, returnedAfter)
    {
    }

    public override string ToString() => Url;
}
