using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>The OS keyring codex uses on a platform (keyring-rs: Secret Service, macOS Keychain, Windows Credential Manager).</summary>
public static class CodexKeyrings
{
    public static ICodexKeyring ForPlatform(HostPlatform platform) => platform switch
    {
        HostPlatform.MacOS => new MacKeychain(),
        HostPlatform.Windows => new WindowsCredentialManager(),
        _ => new SecretServiceKeyring(),
    };
}
