using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// What sf's behaviour depends on besides the files: the home folder, the current location,
/// environment variables, the clock and the OS. Cmdlets build it from the live session; tests build it by hand.
/// </summary>
public sealed record SalesforceContext(string HomeDirectory, string CurrentDirectory, Func<string, string?> Environment, DateTimeOffset Now, HostPlatform Platform)
{
    /// <summary>
    /// The home of the user running this session when <see cref="HomeDirectory"/> was chosen with -HomePath; null when
    /// HomeDirectory is the session's own. Another user's OS keychain (Secret Service, macOS Keychain) cannot be reached.
    /// </summary>
    public string? SessionHome { get; init; }

    /// <summary>True when HomeDirectory belongs to another user than the one running this session (by path).</summary>
    public bool IsOtherUsersHome => SessionHome is not null && !SamePath(SessionHome, HomeDirectory);

    /// <summary>An environment variable, with an empty value treated as unset (as sf does).</summary>
    public string? Variable(string name) => EnvironmentVariables.NonEmpty(Environment, name);

    /// <summary>This context for another home folder (-HomePath): that home's global state, the same location and environment.</summary>
    public SalesforceContext ForHome(string homeDirectory)
        => this with { HomeDirectory = Path.GetFullPath(homeDirectory), SessionHome = SessionHome ?? HomeDirectory };

    /// <summary>Whether <paramref name="path"/> can name a folder at all (no NUL, which no file system allows).</summary>
    public static bool IsUsablePath(string path) => path.Length > 0 && path.IndexOf('\0') < 0;

    /// <summary>
    /// The live session: Node's os.homedir() rule (USERPROFILE first on Windows, HOME elsewhere), or
    /// <paramref name="homePath"/> (an absolute folder) when given.
    /// </summary>
    public static SalesforceContext FromProcess(string currentDirectory, string? homePath = null)
    {
        var platform = HostPlatforms.Current;
        string? Env(string name) => System.Environment.GetEnvironmentVariable(name);
        var home = platform == HostPlatform.Windows
            ? Env("USERPROFILE") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile)
            : Env("HOME") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        var session = new SalesforceContext(home, currentDirectory, Env, DateTimeOffset.UtcNow, platform);
        return homePath is null ? session : session.ForHome(homePath);
    }

    private bool SamePath(string left, string right)
        => string.Equals(Path.GetFullPath(left).TrimEnd('/', '\\'), Path.GetFullPath(right).TrimEnd('/', '\\'),
            Platform == HostPlatform.Windows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
