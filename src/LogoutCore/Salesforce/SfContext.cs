using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// What sf's behaviour depends on besides the files: the home folder, the current location,
/// environment variables, the clock and the OS. Cmdlets build it from the live session; tests build it by hand.
/// </summary>
public sealed record SfContext(string HomeDirectory, string CurrentDirectory, Func<string, string?> Environment, DateTimeOffset Now, HostPlatform Platform)
{
    /// <summary>An environment variable, with an empty value treated as unset (as sf does).</summary>
    public string? Variable(string name) => EnvironmentVariables.NonEmpty(Environment, name);

    /// <summary>The live session: Node's os.homedir() rule (USERPROFILE first on Windows, HOME elsewhere).</summary>
    public static SfContext FromProcess(string currentDirectory)
    {
        var platform = HostPlatforms.Current;
        string? Env(string name) => System.Environment.GetEnvironmentVariable(name);
        var home = platform == HostPlatform.Windows
            ? Env("USERPROFILE") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile)
            : Env("HOME") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        return new SfContext(home, currentDirectory, Env, DateTimeOffset.UtcNow, platform);
    }
}

