using System.Diagnostics;
using System.Runtime.InteropServices;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>The default browser: Windows shell execute, open on macOS, xdg-open elsewhere. Never waits for the browser.</summary>
public sealed class SystemBrowserLauncher : IBrowserLauncher
{
    public void Open(Uri uri)
    {
        ProcessStartInfo start;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            start = new ProcessStartInfo(uri.AbsoluteUri) { UseShellExecute = true };
        }
        else
        {
            var opener = RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "open" : "xdg-open";
            start = new ProcessStartInfo(opener, ProcessRunner.QuoteArgument(uri.AbsoluteUri)) { UseShellExecute = false };
        }
        try
        {
            using var process = Process.Start(start);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw Auth0Errors.BrowserLaunchFailed(e);
        }
    }
}
