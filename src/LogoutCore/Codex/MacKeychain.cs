using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>macOS Keychain generic passwords through /usr/bin/security (exit 44: no such item). Unverified: no macOS in CI.</summary>
public sealed class MacKeychain : ICodexKeyring
{
    private const int ItemNotFound = 44;

    public string Name => "macOS Keychain";

    public string? Read(string service, string account)
    {
        var result = Run("find-generic-password", "-s", service, "-a", account, "-w");
        if (result.ExitCode == 0) return result.StandardOutput.TrimEnd('\n');
        return result.ExitCode == ItemNotFound ? null : throw Unavailable(result);
    }

    public bool Delete(string service, string account)
    {
        var result = Run("delete-generic-password", "-s", service, "-a", account);
        if (result.ExitCode == 0) return true;
        return result.ExitCode == ItemNotFound ? false : throw Unavailable(result);
    }

    private static ProcessRunner.Result Run(params string[] arguments)
    {
        try
        {
            return ProcessRunner.Run("/usr/bin/security", arguments);
        }
        catch (Exception e) when (e is Win32Exception or TimeoutException or InvalidOperationException)
        {
            throw new KeyringUnavailableException($"the macOS Keychain could not be reached: {e.Message}", e);
        }
    }

    private static KeyringUnavailableException Unavailable(ProcessRunner.Result result)
        => new($"the macOS Keychain could not be reached: {result.StandardError.Trim()}");
}
