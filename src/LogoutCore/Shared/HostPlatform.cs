using System.Runtime.InteropServices;

namespace LogoutModule.Core.Shared;

/// <summary>The OS family a peer CLI's rules depend on (key store, home folder, config paths).</summary>
public enum HostPlatform
{
    Linux,
    MacOS,
    Windows,
}

public static class HostPlatforms
{
    /// <summary>This process's platform; every Unix that is not macOS follows the Linux rules.</summary>
    public static HostPlatform Current { get; } =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? HostPlatform.Windows
        : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? HostPlatform.MacOS
        : HostPlatform.Linux;
}
