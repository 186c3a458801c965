namespace LogoutModule.Core.Shared;

/// <summary>
/// Reads and sets Unix permission bits and ownership. The netstandard2.0 flavour only ever runs on Windows PowerShell,
/// where files have no Unix mode or owner, so there it reports none and changes nothing.
/// </summary>
public static class FilePermissions
{
    public static UnixMode? Get(string path)
    {
#if NET8_0_OR_GREATER
        if (OperatingSystem.IsWindows()) return null;
        return new UnixMode((int)File.GetUnixFileMode(path));
#else
        return null;
#endif
    }

    public static void Set(string path, UnixMode mode)
    {
#if NET8_0_OR_GREATER
        if (OperatingSystem.IsWindows()) return;
        File.SetUnixFileMode(path, (System.IO.UnixFileMode)mode.Bits);
#endif
    }

    /// <summary>
    /// The owner and group of <paramref name="path"/> (following symlinks), or null on Windows or when the file cannot
    /// be examined.
    /// </summary>
    public static FileOwner? GetOwner(string path)
    {
#if NET8_0_OR_GREATER
        if (OperatingSystem.IsWindows()) return null;
        return NativeMethods.Stat(path, out var status) == 0 ? new FileOwner(status.Uid, status.Gid) : null;
#else
        return null;
#endif
    }

    /// <summary>
    /// Gives the open file <paramref name="file"/> this owner and group (fchown). Only root may give a file away, and a
    /// user only to a group they belong to: a refused change (EPERM) leaves the file as it is and returns false, as sf
    /// and codex leave it, since they cannot change it either. Always false on Windows.
    /// </summary>
    public static bool TrySetOwner(FileStream file, FileOwner owner)
    {
#if NET8_0_OR_GREATER
        if (OperatingSystem.IsWindows()) return false;
        return NativeMethods.FChown((int)file.SafeFileHandle.DangerousGetHandle(), owner.UserId, owner.GroupId) == 0;
#else
        return false;
#endif
    }

    /// <summary>
    /// Directory.CreateDirectory, with every folder it makes given the owner and group of the folder it is made in, so
    /// root working in a user's home (sudo, an admin offboarding a user) leaves folders the user owns, as if the user
    /// had made them. A change only root may make is skipped for others, as in <see cref="TakeParentOwner"/>.
    /// Throws as Directory.CreateDirectory.
    /// </summary>
    public static void CreateDirectory(string path)
    {
        var missing = new Stack<string>();
        for (var folder = Path.GetFullPath(path); folder is not null && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
            missing.Push(folder);
        Directory.CreateDirectory(path);
        // Outermost first, so each folder's parent already has its final owner.
        while (missing.Count > 0) TakeParentOwner(missing.Pop());
    }

    /// <summary>
    /// Gives the file just created and open as <paramref name="file"/> the owner and group of the folder it is in
    /// (fchown on the open handle, so the file named is the file changed). False as <see cref="TrySetOwner"/> is, and
    /// when the folder cannot be examined.
    /// </summary>
    public static bool TakeParentOwner(FileStream file) =>
        GetOwner(Path.GetDirectoryName(Path.GetFullPath(file.Name))!) is { } owner && TrySetOwner(file, owner);

    /// <summary>
    /// Gives a file or folder just created the owner and group of the folder it is in (lchown: a link is never
    /// followed). False when refused (only root may give a file away), when the parent cannot be examined, and on Windows.
    /// </summary>
    public static bool TakeParentOwner(string path)
    {
#if NET8_0_OR_GREATER
        if (OperatingSystem.IsWindows()) return false;
        var parent = Path.GetDirectoryName(Path.GetFullPath(path));
        return parent is not null && GetOwner(parent) is { } owner && NativeMethods.LChown(path, owner.UserId, owner.GroupId) == 0;
#else
        return false;
#endif
    }

#if NET8_0_OR_GREATER
    private static class NativeMethods
    {
        // .NET's own stat shim (what File.GetUnixFileMode calls) has one layout on every Unix and architecture,
        // unlike libc's struct stat; its first fields (flags, mode, uid, gid) have not moved since .NET Core 1.0.
        // The struct is sized well past the shim's current one so a later field can never overrun it.
        [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Size = 512)]
        internal struct FileStatus
        {
            public int Flags;
            public int Mode;
            public uint Uid;
            public uint Gid;
        }

        [System.Runtime.InteropServices.DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        internal static extern int Stat([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

        // fchown(2) has the same C signature on Linux and macOS (uid_t and gid_t are 32-bit on both).
        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "fchown", SetLastError = true)]
        internal static extern int FChown(int fd, uint owner, uint group);

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "lchown", SetLastError = true)]
        internal static extern int LChown([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);
    }
#endif
}
