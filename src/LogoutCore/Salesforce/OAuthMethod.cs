namespace LogoutModule.Core.Salesforce;

/// <summary>How an org was authorized, as sf org list auth reports it (web, jwt, token), or Unknown.</summary>
public enum OAuthMethod
{
    Unknown,
    Web,
    Jwt,
    Token,
}
