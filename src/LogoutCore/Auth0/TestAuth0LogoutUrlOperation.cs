using System.Diagnostics;
using System.Security;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>
/// Test-Auth0LogoutUrl: the offline allow-list check, or the live cookie-less probe. An invalid value of one item is
/// that item's non-terminating error; a call that names no list to check against terminates.
/// </summary>
public static class TestAuth0LogoutUrlOperation
{
    public static void Invoke(LogoutUrlRequest request, LogoutUrlCheck check, IHostInteraction host)
    {
        if (request.RedirectUri is null) throw Auth0Errors.ReturnToRequired();
        if (!check.Probe && check.AllowedLogoutUrls is null && check.ManagementToken is null)
            throw Auth0Errors.AllowListRequired();
        var returnTo = ItemErrors.Try(host, () => ReturnToUrl.Validate(request.RedirectUri, request.RedirectParameterName));
        if (returnTo is null) return;

        if (check.Probe)
        {
            var url = ItemErrors.Try(host, () => LogoutUrlBuilder.Build(request));
            if (url is null) return;
            host.WriteVerbose($"Probing {url.Url} without cookies or redirects.");
            Emit(LogoutProbe.Probe(url, returnTo, check.Timeout, host.Stopping), check, host);
            return;
        }

        IReadOnlyList<string> allowed;
        string source;
        if (check.AllowedLogoutUrls is { } given)
        {
            (allowed, source) = (given, "AllowedLogoutUrl");
        }
        else
        {
            var token = check.ManagementToken!;
            var baseUri = ItemErrors.Try(host, () => Auth0Address.Resolve(request.Domain, request.BaseUri));
            if (baseUri is null) return;
            source = request.ClientId is null ? "Tenant" : $"Application {request.ClientId}";
            host.WriteVerbose($"Reading the Allowed Logout URLs of the {source.ToLowerInvariant()} from {baseUri.AbsoluteUri}api/v2.");
            allowed = ManagementApiReader.ReadAllowedLogoutUrls(baseUri, request.ClientId, token, check.Timeout, host.Stopping);
        }

        var match = AllowListMatcher.Match(returnTo, allowed, request.Endpoint, host.WriteWarning);
        Emit(Auth0LogoutUrlTest.Offline(returnTo, request.Endpoint, source, match), check, host);
    }

    private static void Emit(Auth0LogoutUrlTest test, LogoutUrlCheck check, IHostInteraction host)
    {
        if (check.Quiet) host.WriteObject(test.Accepted);
        else host.WriteObject(test);
    }
}
