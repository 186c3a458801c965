namespace LogoutModule.Core.Salesforce;

/// <summary>A config location's two files: <c>.sf/config.json</c> and its legacy mirror <c>.sfdx/sfdx-config.json</c>.</summary>
public sealed class ConfigPair
{
    public ConfigPair(string root)
    {
        Root = root;
        ConfigFile = Path.Combine(root, ".sf", "config.json");
        MirrorFile = Path.Combine(root, ".sfdx", "sfdx-config.json");
    }

    public string Root { get; }
    public string ConfigFile { get; }
    public string MirrorFile { get; }
}
