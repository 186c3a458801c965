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
        // A fresh keyring folder (the user's own login keyring would have another password) and a private runtime folder:
        // gnome-keyring finds a running daemon through $XDG_RUNTIME_DIR/keyring, so two suites at once would otherwise share one.
        var environment = new Dictionary<string, string?>
        {
            ["DBUS_SESSION_BUS_ADDRESS"] = service.Address,
            ["XDG_DATA_HOME"] = service._data.Combine("data"),
            ["XDG_RUNTIME_DIR"] = service._data.Combine("run"),
        };
        Directory.CreateDirectory(environment["XDG_RUNTIME_DIR"]!);
        var keyring = ProcessRunner.Run("gnome-keyring-daemon", new[] { "--unlock", "--components=secrets" }, "test-password", environment: environment);
        Assert.True(keyring.ExitCode == 0, "gnome-keyring-daemon did not start: " + keyring.StandardError);
        service.WaitUntilWritable();
        return service;
    }

    /// <summary>The daemon answers before its login collection is unlocked: store and clear a probe item until it works.</summary>
    private void WaitUntilWritable()
    {
        var bus = new Dictionary<string, string?> { ["DBUS_SESSION_BUS_ADDRESS"] = Address };
        var deadline = DateTime.UtcNow.AddSeconds(10);
        ProcessRunner.Result store;
        while ((store = ProcessRunner.Run("secret-tool", new[] { "store", "--label=probe", "logout-tests", "probe" }, "ready", environment: bus)).ExitCode != 0
               && DateTime.UtcNow < deadline)
            Thread.Sleep(100);
        Assert.True(store.ExitCode == 0, "the private Secret Service never accepted an item: " + store.StandardError);
        ProcessRunner.Run("secret-tool", new[] { "clear", "logout-tests", "probe" }, environment: bus);
    }

    public void Dispose()
    {
        try { Process.GetProcessById(_busPid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
        _data.Dispose();
    }
}
