using System.Runtime.InteropServices;

namespace LogoutModule.Core.Shared;

/// <summary>The platform this process runs on.</summary>
public static class HostPlatforms
{
    /// <summary>This process's platform; every Unix that is not macOS follows the Linux rules.</summary>
    public static HostPlatform Current { get; } =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? HostPlatform.Windows
        : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? HostPlatform.MacOS
        : HostPlatform.Linux;
}
