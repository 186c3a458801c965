using System.Diagnostics;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Salesforce;

public sealed class DirectoryLockTests
{
    [Fact]
    public void A_stale_lock_that_cannot_be_removed_counts_as_held_and_ends_with_LockHeld_after_the_retries()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("alias.json");
        var lockDir = file + ".lock";
        Directory.CreateDirectory(lockDir);
        File.WriteAllText(Path.Combine(lockDir, "stray"), ""); // not empty: a non-recursive remove fails, as proper-lockfile's would
        Directory.SetLastWriteTimeUtc(lockDir, DateTime.UtcNow - TimeSpan.FromMinutes(1));
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<LogoutException>(() => DirectoryLock.Acquire(file, new LockRetryPolicy(2, TimeSpan.FromMilliseconds(20))));

        Assert.Equal("LockHeld", error.ErrorId);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.True(File.Exists(Path.Combine(lockDir, "stray")));
    }

    [Fact]
    public void A_stale_empty_lock_is_taken_over()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("alias.json");
        Directory.CreateDirectory(file + ".lock");
        Directory.SetLastWriteTimeUtc(file + ".lock", DateTime.UtcNow - TimeSpan.FromMinutes(1));

        using var taken = DirectoryLock.Acquire(file, new LockRetryPolicy(0, TimeSpan.FromMilliseconds(20)));

        Assert.Equal(Path.GetFullPath(file) + ".lock", taken.LockPath);
    }
}
