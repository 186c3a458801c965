using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>
/// What codex's behaviour depends on besides its files: environment variables, the user's home, the OS,
/// where the system config layers live and which keyring to use. Cmdlets build it from the live session;
/// tests build it by hand (a temp home, a fake or private keyring).
/// </summary>
public sealed class CodexContext
{
    public CodexContext(Func<string, string?> environment, string userHome, HostPlatform platform, string? systemConfigDirectory, ICodexKeyring keyring)
    {
        Environment = environment;
        UserHome = userHome;
        Platform = platform;
        SystemConfigDirectory = systemConfigDirectory;
        Keyring = keyring;
    }

    public Func<string, string?> Environment { get; }
    public string UserHome { get; }
    public HostPlatform Platform { get; }

    /// <summary>/etc/codex on Unix; null where codex's system layer is unknown (Windows, unverified).</summary>
    public string? SystemConfigDirectory { get; }

    public ICodexKeyring Keyring { get; }

    /// <summary>An environment variable, with an empty value treated as unset (as codex does).</summary>
    public string? Variable(string name) => EnvironmentVariables.NonEmpty(Environment, name);

    /// <summary>The live session; <paramref name="homePath"/> (an absolute folder, -HomePath) stands in for the user's home when given.</summary>
    public static CodexContext FromProcess(string? homePath = null)
    {
        var platform = HostPlatforms.Current;
        string? Env(string name) => System.Environment.GetEnvironmentVariable(name);
        // Rust's home_dir: HOME on Unix, the profile folder on Windows.
        var home = homePath ?? (platform == HostPlatform.Windows
            ? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile)
            : Env("HOME") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile));
        return new CodexContext(Env, home, platform, platform == HostPlatform.Windows ? null : "/etc/codex", CodexKeyrings.ForPlatform(platform));
    }
}
