using System.Diagnostics;
using System.Security;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

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
