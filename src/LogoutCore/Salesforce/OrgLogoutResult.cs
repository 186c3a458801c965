namespace LogoutModule.Core.Salesforce;

/// <summary>What Disconnect-Org changed for one org. It holds no token: revocation reports only its outcome.</summary>
public sealed class OrgLogoutResult
{
    public OrgLogoutResult(string username, string? orgId, string authFile)
    {
        Username = username;
        OrgId = orgId;
        AuthFile = authFile;
    }

    public string Username { get; }
    public string? OrgId { get; }
    public string AuthFile { get; }

    /// <summary>The home folder whose sf state was changed (-HomePath, else the current user's home).</summary>
    public string HomePath { get; internal init; } = "";
    public bool AuthFileRemoved { get; internal init; }
    public string[] AliasesRemoved { get; internal init; } = Array.Empty<string>();
    public UnsetConfigKey[] ConfigKeysUnset { get; internal init; } = Array.Empty<UnsetConfigKey>();

    /// <summary>With -ClientApp: the linked client app removed from the auth file (the org itself stays logged in).</summary>
    public string? ClientAppRemoved { get; internal init; }

    public RevocationStatus Revocation { get; internal init; }

    /// <summary>Why the token was not revoked or was already invalid (HTTP status and OAuth error code, or a local reason); null when revoked.</summary>
    public string? RevocationReason { get; internal init; }

    public override string ToString() => ClientAppRemoved is null ? Username : $"{Username} (client app {ClientAppRemoved})";
}
