using System.Diagnostics;
using LogoutModule.Core.Codex;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Shared;

/// <summary>
/// Issue #10 fault 2: run as root on a user's files, every rewrite made them root:root, so the user's own sf and codex
/// could no longer write (or read) them. A rewritten file keeps owner, group and mode; a new file takes its folder's.
/// </summary>
public sealed class AtomicFileOwnershipTests : IDisposable
{
    private const uint UserId = 1000, GroupId = 1000;
    private readonly TempDirectory _temp = new();

    [RootFact]
    public void A_rewritten_file_keeps_its_owner_group_and_mode()
    {
        var path = _temp.Write("alias.json", "{\"orgs\":{\"a\":\"u@example.com\"}}");
        Chown(path, "1000:1000");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        AtomicFile.WriteAllText(path, "{\"orgs\":{}}");

        Assert.Equal("{\"orgs\":{}}", File.ReadAllText(path));
        Assert.Equal(new FileOwner(UserId, GroupId), FilePermissions.GetOwner(path));
        Assert.Equal("640", FilePermissions.Get(path).ToString());
    }

    [RootFact]
    public void A_new_file_takes_its_folders_owner_and_group()
    {
        var folder = _temp.Combine(".sfdx");
        Directory.CreateDirectory(folder);
        Chown(folder, "1000:1000");
        var path = Path.Combine(folder, "sfdx-config.json");

        AtomicFile.WriteAllText(path, "{}", UnixMode.OwnerReadWrite);

        Assert.Equal(new FileOwner(UserId, GroupId), FilePermissions.GetOwner(path));
        Assert.Equal("600", FilePermissions.Get(path).ToString());
    }

    [RootFact]
    public void A_file_reached_through_a_symlink_keeps_its_owner_and_the_link_stays()
    {
        var target = _temp.Write("real/config.json", "{\"target-org\":\"u\"}");
        Chown(target, "1000:1000");
        var link = _temp.Combine("config.json");
        File.CreateSymbolicLink(link, target);

        AtomicFile.WriteAllText(link, "{}");

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("{}", File.ReadAllText(target));
        Assert.Equal(new FileOwner(UserId, GroupId), FilePermissions.GetOwner(target));
    }

    [RootFact]
    public void Folders_it_creates_take_the_owner_and_group_of_the_folder_they_are_made_in()
    {
        var home = _temp.Combine("home");
        Directory.CreateDirectory(home);
        Chown(home, "1000:1000");

        FilePermissions.CreateDirectory(Path.Combine(home, "project", ".sfdx"));

        Assert.Equal(new FileOwner(UserId, GroupId), FilePermissions.GetOwner(Path.Combine(home, "project")));
        Assert.Equal(new FileOwner(UserId, GroupId), FilePermissions.GetOwner(Path.Combine(home, "project", ".sfdx")));
    }

    [RootFact]
    public void An_sf_lock_directory_is_the_users_while_held_so_a_killed_runs_leftover_is_too()
    {
        var folder = _temp.Combine(".sfdx");
        Directory.CreateDirectory(folder);
        Chown(folder, "1000:1000");

        using (DirectoryLock.Acquire(Path.Combine(folder, "alias.json")))
            Assert.Equal(new FileOwner(UserId, GroupId), FilePermissions.GetOwner(Path.Combine(folder, "alias.json.lock")));
    }

    [RootFact]
    public void Codex_lock_files_it_creates_are_the_users()
    {
        var home = _temp.Combine("codex");
        Directory.CreateDirectory(home);
        Chown(home, "1000:1000");

        using (CodexLocks.Acquire(home, TimeSpan.FromSeconds(1))) { }

        Assert.Equal(new FileOwner(UserId, GroupId), FilePermissions.GetOwner(Path.Combine(home, "auth.lock")));
        Assert.Equal(new FileOwner(UserId, GroupId), FilePermissions.GetOwner(Path.Combine(home, "auth.json.lock")));
    }

    [Fact]
    public void The_owner_read_is_the_one_stat_reports()
    {
        if (OperatingSystem.IsWindows()) { Assert.Null(FilePermissions.GetOwner(_temp.Path)); return; }
        var path = _temp.Write("f.txt", "x");
        var expected = Run("stat", "-c", "%u:%g", path).Trim();
        Assert.Equal(expected, FilePermissions.GetOwner(path).ToString());
        Assert.Null(FilePermissions.GetOwner(_temp.Combine("missing")));
    }

    private static void Chown(string path, string owner) => Run("chown", owner, path);

    private static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(10_000), $"{file} did not end within 10 s");
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    public void Dispose() => _temp.Dispose();
}
