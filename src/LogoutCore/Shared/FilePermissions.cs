namespace LogoutModule.Core.Shared;

/// <summary>Permission bits (e.g. 0600) as an int, so callers need no platform types.</summary>
public readonly struct UnixMode
{
    public UnixMode(int bits) => Bits = bits & 0x1FF;
    public int Bits { get; }
    public override string ToString() => Convert.ToString(Bits, 8).PadLeft(3, '0');
    public static readonly UnixMode OwnerReadWrite = new(0x180); // 0600
}

/// <summary>
/// Reads and sets Unix permission bits. The netstandard2.0 flavour only ever runs on Windows PowerShell,
/// where files have no Unix mode, so there it reports none.
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
}
