namespace LogoutModule.Core.Salesforce;

/// <summary>
/// One org the Salesforce CLI is logged into, as <c>sf org list auth</c> reports it plus the details a script needs.
/// It holds no token, key or password: those stay encrypted in the auth file.
/// </summary>
public sealed class OrgAuthorization
{
    public OrgAuthorization(string username, string authFile)
    {
        Username = username;
        AuthFile = authFile;
    }

    public string Username { get; }
    public string[] Aliases { get; internal set; } = Array.Empty<string>();

    /// <summary>sf's "alias" column: the aliases joined by a comma.</summary>
    public string Alias => string.Join(",", Aliases);

    public string? OrgId { get; internal set; }
    public string? InstanceUrl { get; internal set; }
    public string? LoginUrl { get; internal set; }
    public OAuthMethod OAuthMethod { get; internal set; }
    public bool IsDevHub { get; internal set; }
    public bool IsScratchOrg { get; internal set; }
    public bool IsSandbox { get; internal set; }
    public DateTimeOffset? ExpirationDate { get; internal set; }

    /// <summary>True or false for a scratch org with an expiration date; null ("unknown" in sf) otherwise.</summary>
    public bool? IsExpired { get; internal set; }

    public string? DevHubUsername { get; internal set; }

    /// <summary>The effective config keys (env, project, global) whose value names this org.</summary>
    public string[] Configs { get; internal set; } = Array.Empty<string>();

    public bool IsDefault => Configs.Contains(Config.TargetOrg);
    public bool IsDefaultDevHub => Configs.Contains(Config.TargetDevHub);
    public string[] ClientApps { get; internal set; } = Array.Empty<string>();
    public bool HasPassword { get; internal set; }
    public string AuthFile { get; }

    /// <summary>The home folder whose sf state listed this org (-HomePath, else the current user's home).</summary>
    public string HomePath { get; internal set; } = "";

    /// <summary>Why sf cannot use this org (for example its tokens cannot be decrypted); null when it can.</summary>
    public string? Error { get; internal set; }

    /// <summary>sf's type label, in its precedence: Scratch, then DevHub, then Sandbox.</summary>
    public string OrgType => IsScratchOrg ? "Scratch" : IsDevHub ? "DevHub" : IsSandbox ? "Sandbox" : "";

    public override string ToString() => Username;
}
