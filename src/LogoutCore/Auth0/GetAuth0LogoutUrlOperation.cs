using System.Diagnostics;
using System.Security;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>Get-Auth0LogoutUrl: builds the URL and emits it; an invalid value is this item's non-terminating error.</summary>
public static class GetAuth0LogoutUrlOperation
{
    public static void Invoke(LogoutUrlRequest request, IHostInteraction host)
    {
        if (ItemErrors.Try(host, () => LogoutUrlBuilder.Build(request)) is { } url) host.WriteObject(url);
    }
}
