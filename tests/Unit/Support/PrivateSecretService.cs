using System.Diagnostics;
using LogoutModule.Core.Shared;
using Xunit;

namespace LogoutModule.Tests.Support;

/// <summary>A private D-Bus session with an unlocked gnome-keyring Secret Service, stopped on dispose.</summary>
public sealed class PrivateSecretService : IDisposable
{
    private readonly int _busPid;

    private readonly TempDirectory _data = new();

    private PrivateSecretService(string address, int busPid)
    {
        Address = address;
        _busPid = busPid;
    }

    public string Address { get; }

    public static PrivateSecretService Start()
    {
        var bus = ProcessRunner.Run("dbus-daemon", new[] { "--session", "--fork", "--print-address=1", "--print-pid=1" });
        var lines = bus.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(bus.ExitCode == 0 && lines.Length == 2, "dbus-daemon did not start: " + bus.StandardError);
        var service = new PrivateSecretService(lines[0].Trim(), int.Parse(lines[1].Trim()));
        var keyring = ProcessRunner.Run("gnome-keyring-daemon", new[] { "--unlock", "--components=secrets" }, "test-password",
            // A fresh keyring folder: the user's own login keyring would have another password.
            environment: new Dictionary<string, string?> { ["DBUS_SESSION_BUS_ADDRESS"] = service.Address, ["XDG_DATA_HOME"] = service._data.Path });
        Assert.True(keyring.ExitCode == 0, "gnome-keyring-daemon did not start: " + keyring.StandardError);
        return service;
    }

    public void Dispose()
    {
        try { Process.GetProcessById(_busPid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
        _data.Dispose();
    }
}
