namespace LogoutModule.Core.Salesforce;

/// <summary>What -Revoke did with an org's token.</summary>
public enum RevocationStatus
{
    /// <summary>-Revoke was not given: no HTTP call was made (sf never makes one).</summary>
    NotRequested,
    Revoked,

    /// <summary>The server answered <c>invalid_token</c>: the token was already revoked or expired, so the org was logged out.</summary>
    AlreadyInvalid,

    /// <summary>Nothing could be revoked (no token, or one no sf key decrypts), and the org was logged out anyway.</summary>
    NotRevoked,
}
