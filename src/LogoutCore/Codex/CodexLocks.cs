using System.Diagnostics;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>
/// codex's credential locks, taken as codex takes them so a running codex and this module never interleave:
/// auth.lock exclusively, waiting for it (codex blocks), then auth.json.lock exclusively without waiting.
/// Both are created when missing (auth.json.lock as 0600) and never deleted: deleting one splits the lock between inodes.
/// On Unix .NET takes FileShare.None as flock(LOCK_EX | LOCK_NB), the same lock codex's flock takes, so waiting is a retry loop.
/// </summary>
public sealed class CodexLocks : IDisposable
{
    private readonly FileStream _authLock;
    private readonly FileStream _authJsonLock;

    private CodexLocks(FileStream authLock, FileStream authJsonLock)
    {
        _authLock = authLock;
        _authJsonLock = authJsonLock;
    }

    public static CodexLocks Acquire(string home, TimeSpan wait)
    {
        var authLockPath = Path.Combine(home, "auth.lock");
        var authLock = WaitFor(authLockPath, wait, null);
        try
        {
            var authJsonLockPath = Path.Combine(home, "auth.json.lock");
            var authJsonLock = TryOpen(authJsonLockPath, UnixMode.OwnerReadWrite)
                ?? throw CodexErrors.CredentialsLocked(authJsonLockPath);
            return new CodexLocks(authLock, authJsonLock);
        }
        catch
        {
            authLock.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _authJsonLock.Dispose();
        _authLock.Dispose();
    }

    private static FileStream WaitFor(string path, TimeSpan wait, UnixMode? mode)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (TryOpen(path, mode) is { } stream) return stream;
            if (clock.Elapsed >= wait) throw CodexErrors.CredentialsLocked(path);
            Thread.Sleep(50);
        }
    }

    /// <summary>The locked file, or null while another process holds the lock.</summary>
    private static FileStream? TryOpen(string path, UnixMode? modeForNewFile)
    {
        try
        {
            var created = !File.Exists(path);
#if NET8_0_OR_GREATER
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (modeForNewFile is { } mode && !OperatingSystem.IsWindows()) options.UnixCreateMode = (UnixFileMode)mode.Bits;
            var stream = new FileStream(path, options);
#else
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
#endif
            // A lock file stays (see above): one root makes in a user's codex home is the user's, like the home.
            if (created) FilePermissions.TakeParentOwner(stream);
            return stream;
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            return null;
        }
    }
}
