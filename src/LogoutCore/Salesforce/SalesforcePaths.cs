namespace LogoutModule.Core.Salesforce;

/// <summary>Where sf keeps its state for one home folder, and the project (if any) around the current location.</summary>
public sealed class SalesforcePaths
{
    public const string ProjectFileName = "sfdx-project.json";

    public SalesforcePaths(SalesforceContext context)
    {
        SfdxDirectory = Path.Combine(context.HomeDirectory, ".sfdx");
        GlobalConfig = new ConfigPair(context.HomeDirectory);
        ProjectDirectory = FindProject(context.CurrentDirectory);
        LocalConfig = ProjectDirectory is null ? null : new ConfigPair(ProjectDirectory);
    }

    public string SfdxDirectory { get; }
    public string AliasFile => Path.Combine(SfdxDirectory, "alias.json");
    public string KeyFile => Path.Combine(SfdxDirectory, "key.json");
    public ConfigPair GlobalConfig { get; }
    public string? ProjectDirectory { get; }
    public ConfigPair? LocalConfig { get; }

    /// <summary>The config locations a logout edits: the global pair, then the project's when run inside one.</summary>
    public IEnumerable<ConfigPair> ConfigPairs => LocalConfig is null ? new[] { GlobalConfig } : new[] { GlobalConfig, LocalConfig };

    public string AuthFile(string username) => Path.Combine(SfdxDirectory, username + ".json");

    public string SandboxFile(string orgId) => Path.Combine(SfdxDirectory, orgId + ".sandbox.json");

    /// <summary>The nearest ancestor of <paramref name="start"/> (itself included) holding sfdx-project.json.</summary>
    public static string? FindProject(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ProjectFileName))) return directory.FullName;
        }
        return null;
    }
}
