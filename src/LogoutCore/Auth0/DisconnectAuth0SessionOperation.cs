using System.Diagnostics;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>The logout URL's parts (as Get-Auth0LogoutUrl takes them) and Disconnect-Auth0Session's switches.</summary>
public sealed record DisconnectAuth0SessionRequest : GetAuth0LogoutUrlRequest
{
    /// <summary>-NoBrowser: only emit the URL; open nothing.</summary>
    public bool NoBrowser { get; init; }

    /// <summary>-Wait: listen on a loopback returnTo and report when the browser arrives back.</summary>
    public bool Wait { get; init; }

    /// <summary>-TimeoutSec: how long -Wait waits for the browser.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Disconnect-Auth0Session: only the browser holds the Auth0 session cookie, so logging out means opening the logout URL there.
/// -Wait puts a loopback listener behind returnTo and reports whether the browser came back.
/// </summary>
public static class DisconnectAuth0SessionOperation
{
    private const int WaitProgressId = 0x0A0E;

    /// <summary>
    /// Opens the logout URL in <paramref name="context"/>'s browser (after ShouldProcess) and writes an Auth0LogoutSession;
    /// with NoBrowser writes the Auth0LogoutUrl instead. Throws LogoutException WaitWithNoBrowser (InvalidArgument) for
    /// both switches, BrowserLaunchFailed (ResourceUnavailable) when no browser opens. An invalid value or an unusable
    /// -Wait returnTo is the item's non-terminating error (InvalidArgument; ReturnListenerUnavailable,
    /// ResourceUnavailable); a browser that does not come back in time is LogoutReturnTimeout (OperationTimeout).
    /// </summary>
    public static void Invoke(Auth0Context context, DisconnectAuth0SessionRequest request, IHostInteraction host)
    {
        if (request.NoBrowser && request.Wait)
            throw Auth0Errors.WaitWithNoBrowser();
        // Validate everything before opening a port; a bad value (or a busy port) is this item's error.
        var url = ItemErrors.Try(host, () => LogoutUrlBuilder.Build(request));
        if (url is null) return;
        if (request.NoBrowser)
        {
            host.WriteObject(url);
            return;
        }

        using var listener = request.Wait ? ItemErrors.Try(host, () => LoopbackReturnListener.Start(request.ReturnTo)) : null;
        if (request.Wait && listener is null) return;
        if (listener is not null) url = LogoutUrlBuilder.Build(request with { ReturnTo = listener.ReturnTo });

        if (!host.ShouldProcess(url.Url, "Open in the default browser to end the Auth0 session")) return;
        context.Browser.Open(url.GetUri());
        host.WriteVerbose($"Opened {url.Url} in the default browser.");
        if (listener is null)
        {
            host.WriteObject(new Auth0LogoutSession(url, false, false, null));
            return;
        }

        host.WriteVerbose($"Waiting up to {request.Timeout.TotalSeconds:0} seconds for the browser to return to {listener.ReturnTo}.");
        var clock = Stopwatch.StartNew();
        var arrived = WaitShowingProgress(listener, request.Timeout, host);
        if (arrived is null)
        {
            host.WriteError(Auth0Errors.LogoutReturnTimeout(listener.ReturnTo, request.Timeout));
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
        using var progress = new ProgressScope(host, WaitProgressId, activity, $"Waiting for the browser to return to {listener.ReturnTo}", 0);
        while (clock.Elapsed < timeout)
        {
            var left = timeout - clock.Elapsed;
            progress.Update($"Waiting for the browser to return to {listener.ReturnTo} ({Math.Ceiling(left.TotalSeconds):0} s left; Ctrl+C stops)",
                (int)(100 * clock.Elapsed.Ticks / timeout.Ticks));
            var slice = left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);
            if (listener.WaitForReturn(slice, host.Stopping) is { } arrived) return arrived;
        }
        return null;
    }
}
