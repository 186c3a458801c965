using System.Runtime.InteropServices;

namespace LogoutModule.Core.Shared;

/// <summary>The OS family a peer CLI's rules depend on (key store, home folder, config paths).</summary>
public enum HostPlatform
{
    Linux,
    MacOS,
    Windows,
}
