using System.Runtime.InteropServices;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// The lock Salesforce CLI takes around its state files (proper-lockfile 4.1.2): the directory
/// <c>&lt;file&gt;.lock</c>, created by one exclusive mkdir and released by removing it.
/// Its holder refreshes the directory's mtime every 5 s; one untouched for 10 s is stale and may be taken over.
/// Taking the same lock means a concurrent <c>sf</c> and this module never lose each other's edits.
/// </summary>
public sealed class DirectoryLock : IDisposable
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    private readonly Timer _refresh;
    private int _released;

    private DirectoryLock(string lockPath)
    {
        LockPath = lockPath;
        _refresh = new Timer(_ => Touch(), null, RefreshEvery, RefreshEvery);
    }

    public string LockPath { get; }

    /// <summary>sf's waiting rule: 10 retries, 1 s apart, then "Lock file is already being held".</summary>
    public static LockRetryPolicy SalesforceRetries { get; } = new(Retries: 10, Delay: TimeSpan.FromSeconds(1));

    /// <summary>
    /// Removes the stale lock directories (untouched for <see cref="StaleAfter"/>, as proper-lockfile judges them) in
    /// <paramref name="directory"/>: what a killed sf or module run leaves. Returns the ones removed.
    /// </summary>
    public static IReadOnlyList<string> RemoveStale(string directory)
    {
        if (!Directory.Exists(directory)) return Array.Empty<string>();
        return Directory.EnumerateDirectories(directory, "*.lock").Where(lockPath => IsStale(lockPath) && TryRemove(lockPath)).ToList();
    }

    public static DirectoryLock Acquire(string file, LockRetryPolicy? policy = null)
    {
        policy ??= SalesforceRetries;
        var fullPath = Path.GetFullPath(file);
        var lockPath = fullPath + ".lock";
        FilePermissions.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        for (var attempt = 0; ; attempt++)
        {
            if (TryCreateDirectoryExclusively(lockPath)) return new DirectoryLock(lockPath);
            // proper-lockfile removes a stale lock and tries again at once; one that cannot be removed (not empty,
            // read-only parent) counts as a held lock, or this would spin forever.
            if (IsStale(lockPath) && TryRemove(lockPath)) continue;
            if (attempt >= policy.Retries)
                throw SalesforceErrors.LockHeld(fullPath);
            Thread.Sleep(policy.Delay);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1) return;
        _refresh.Dispose();
        _ = TryRemove(LockPath);
    }

    private void Touch()
    {
        try { Directory.SetLastWriteTimeUtc(LockPath, DateTime.UtcNow); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static bool IsStale(string lockPath)
    {
        try { return DateTime.UtcNow - Directory.GetLastWriteTimeUtc(lockPath) > StaleAfter && Directory.Exists(lockPath); }
        catch (IOException) { return false; }
    }

    /// <summary>Whether the lock directory is gone (removed now, or already by someone else).</summary>
    private static bool TryRemove(string lockPath)
    {
        try
        {
            Directory.Delete(lockPath, recursive: false);
            return true;
        }
        catch (DirectoryNotFoundException) { return true; }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    // Directory.CreateDirectory succeeds when the directory exists, so it cannot serve as a lock.
    private static bool TryCreateDirectoryExclusively(string path)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            if (CreateDirectoryW(path, IntPtr.Zero)) return true;
            var error = Marshal.GetLastWin32Error();
            if (error == ErrorAlreadyExists) return false;
            throw new IOException($"Cannot create lock directory {path} (Win32 error {error}).");
        }
        if (mkdir(path, 0x1FF) == 0)
        {
            // The user's, like the folder it is in: one a killed run leaves behind is then the user's sf's to clear.
            FilePermissions.TakeParentOwner(path);
            return true;
        }
        var errno = Marshal.GetLastWin32Error();
        if (errno == EEXIST) return false;
        throw new IOException($"Cannot create lock directory {path} (errno {errno}).");
    }

    private const int EEXIST = 17; // same value on Linux and macOS
    private const int ErrorAlreadyExists = 183;

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi)]
    private static extern int mkdir(string path, uint mode);

    [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool CreateDirectoryW(string path, IntPtr securityAttributes);
}
