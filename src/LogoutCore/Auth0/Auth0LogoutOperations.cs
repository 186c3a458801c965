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

public sealed class DisconnectOptions
{
    public bool NoBrowser { get; init; }
    public bool Wait { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Disconnect-Auth0Session: only the browser holds the Auth0 session cookie, so logging out means opening the logout URL there.
/// -Wait puts a loopback listener behind returnTo and reports whether the browser came back.
/// </summary>
public static class DisconnectAuth0SessionOperation
{
    private const int WaitProgressId = 0x0A0E;

    public static void Invoke(LogoutUrlRequest request, DisconnectOptions options, IBrowserLauncher browser, IHostInteraction host)
    {
        if (options.NoBrowser && options.Wait)
            throw Auth0Errors.WaitWithNoBrowser();
        // Validate everything before opening a port; a bad value (or a busy port) is this item's error.
        var url = ItemErrors.Try(host, () => LogoutUrlBuilder.Build(request));
        if (url is null) return;
        if (options.NoBrowser)
        {
            host.WriteObject(url);
            return;
        }

        using var listener = options.Wait ? ItemErrors.Try(host, () => LoopbackReturnListener.Start(request.RedirectUri)) : null;
        if (options.Wait && listener is null) return;
        if (listener is not null) url = LogoutUrlBuilder.Build(request.WithRedirectUri(listener.ReturnTo));

        if (!host.ShouldProcess(url.Url, "Open in the default browser to end the Auth0 session")) return;
        browser.Open(url.GetUri());
        host.WriteVerbose($"Opened {url.Url} in the default browser.");
        if (listener is null)
        {
            host.WriteObject(new Auth0LogoutSession(url, false, false, null));
            return;
        }

        host.WriteVerbose($"Waiting up to {options.Timeout.TotalSeconds:0} seconds for the browser to return to {listener.ReturnTo}.");
        var clock = Stopwatch.StartNew();
        var arrived = WaitShowingProgress(listener, options.Timeout, host);
        if (arrived is null)
        {
            host.WriteError(Auth0Errors.LogoutReturnTimeout(listener.ReturnTo, options.Timeout));
        }
        else
        {
            host.WriteVerbose($"The browser returned to {arrived.Split('?')[0]} after {clock.Elapsed.TotalSeconds:0.0} seconds.");
        }
        host.WriteObject(new Auth0LogoutSession(url, true, arrived is not null, arrived is null ? null : clock.Elapsed));
    }

    /// <summary>
    /// The -Wait loop in one-second slices, so the progress bar counts down and says what the command waits for;
    /// Ctrl+C (host.Stopping) ends it within a slice's polling interval.
    /// </summary>
    private static string? WaitShowingProgress(LoopbackReturnListener listener, TimeSpan timeout, IHostInteraction host)
    {
        const string activity = "Waiting for the browser to finish the Auth0 logout";
        var clock = Stopwatch.StartNew();
        try
        {
            while (clock.Elapsed < timeout)
            {
                var left = timeout - clock.Elapsed;
                host.WriteProgress(new ProgressUpdate(WaitProgressId, activity,
                    $"Waiting for the browser to return to {listener.ReturnTo} ({Math.Ceiling(left.TotalSeconds):0} s left; Ctrl+C stops)",
                    (int)(100 * clock.Elapsed.Ticks / timeout.Ticks)));
                var slice = left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);
                if (listener.WaitForReturn(slice, host.Stopping) is { } arrived) return arrived;
            }
            return null;
        }
        finally
        {
            // A stopped pipeline clears its own progress and refuses further writes.
            if (!host.Stopping.IsCancellationRequested) host.WriteProgress(new ProgressUpdate(WaitProgressId, activity, "Done", 100, Completed: true));
        }
    }
}

/// <summary>Where Test-Auth0LogoutUrl gets its verdict from.</summary>
public sealed class LogoutUrlCheck
{
    public IReadOnlyList<string>? AllowedLogoutUrls { get; init; }
    public SecureString? ManagementToken { get; init; }
    public bool Probe { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>-Quiet: emit only whether the returnTo is accepted ($true/$false), as Test-Connection -Quiet does.</summary>
    public bool Quiet { get; init; }
}

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

/// <summary>Revoke-Auth0RefreshToken: one ShouldProcess and one POST /oauth/revoke per token; failures are per-token errors.</summary>
public static class RevokeAuth0RefreshTokenOperation
{
    public static void Invoke(string? domain, Uri? baseUri, string clientId, SecureString? clientSecret, string refreshToken, IHostInteraction host,
        TimeSpan? timeout = null)
    {
        var authority = Auth0Address.Resolve(domain, baseUri);
        if (clientId.Length == 0 || clientId.Any(char.IsControl))
            throw Auth0Errors.InvalidLogoutParameter("ClientId");
        if (refreshToken.Length == 0) throw Auth0Errors.EmptyRefreshToken(clientId);

        if (!host.ShouldProcess($"a refresh token of client '{clientId}' at {authority.AbsoluteUri}", "Revoke")) return;
        try
        {
            var revocation = RefreshTokenRevoker.Revoke(authority, clientId, clientSecret, refreshToken, timeout ?? TimeSpan.FromSeconds(30), host.Stopping);
            host.WriteVerbose($"{authority.AbsoluteUri}oauth/revoke answered {revocation.StatusCode}.");
            host.WriteObject(revocation);
        }
        catch (LogoutException e)
        {
            host.WriteError(e.ToError());
        }
    }
}
