namespace LogoutModule.Core.Salesforce;

/// <summary>One config key Disconnect-Org unset: its name in <c>.sf/config.json</c> and in the legacy mirror, and both files.</summary>
public sealed record UnsetConfigKey(string Key, string MirrorKey, string ConfigFile, string MirrorFile)
{
    public override string ToString() => $"{Key} in {ConfigFile}";
}
