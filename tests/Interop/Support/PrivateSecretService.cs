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

    /// <summary>
    /// Starts a bus and an unlocked gnome-keyring on it. Under load the daemon sometimes ends up with a locked default
    /// collection; a fresh bus and keyring is then the reliable cure, so a few attempts are made.
    /// </summary>
    public static PrivateSecretService Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var service = StartOnce();
            var problem = service.WaitUntilWritable();
            if (problem is null) return service;
            service.Dispose();
            Assert.True(attempt < 3, "the private Secret Service never accepted an item: " + problem);
        }
    }

    private static PrivateSecretService StartOnce()
    {
        var bus = Programs.Run("dbus-daemon", new[] { "--session", "--fork", "--print-address=1", "--print-pid=1" });
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
        var keyring = Programs.Run("gnome-keyring-daemon", new[] { "--unlock", "--components=secrets" }, "test-password", environment: environment);
        Assert.True(keyring.ExitCode == 0, "gnome-keyring-daemon did not start: " + keyring.StandardError);
        return service;
    }

    /// <summary>
    /// Waits for the daemon to write its login keyring (a client asking earlier makes it create a locked default
    /// collection instead), then stores and clears a probe item. Returns why it never worked, or null.
    /// </summary>
    private string? WaitUntilWritable()
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var loginKeyring = _data.Combine("data", "keyrings", "login.keyring");
        while (!File.Exists(loginKeyring) && DateTime.UtcNow < deadline) Thread.Sleep(50);
        var bus = new Dictionary<string, string?> { ["DBUS_SESSION_BUS_ADDRESS"] = Address };
        CliWrap.Buffered.BufferedCommandResult store;
        while ((store = Programs.Run("secret-tool", new[] { "store", "--label=probe", "logout-tests", "probe" }, "ready", environment: bus)).ExitCode != 0
               && DateTime.UtcNow < deadline)
            Thread.Sleep(100);
        if (store.ExitCode != 0) return store.StandardError.Trim();
        Programs.Run("secret-tool", new[] { "clear", "logout-tests", "probe" }, environment: bus);
        return null;
    }

    public void Dispose()
    {
        try { Process.GetProcessById(_busPid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
        _data.Dispose();
    }
}
