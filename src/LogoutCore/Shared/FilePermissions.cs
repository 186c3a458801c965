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
    }
#endif
}
