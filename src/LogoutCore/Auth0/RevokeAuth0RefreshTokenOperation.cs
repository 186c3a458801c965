using System.Diagnostics;
using System.Security;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>Revoke-Auth0RefreshToken: one ShouldProcess and one POST /oauth/revoke per token; failures are per-token errors.</summary>
public static class RevokeAuth0RefreshTokenOperation
{
    public static void Invoke(string? domain, Uri? baseUri, string clientId, SecureString? clientSecret, string refreshToken, IHostInteraction host,
        TimeSpan? timeout = null)
    {
        var authority = Auth0Address.Resolve(domain, baseUri);
        if (clientId.Length == 0 || clientId.Any(char.IsControl))
            throw Auth0Errors.InvalidLogoutParameter("ClientId");
        if (refreshToken.Length == 0) throw Auth0Errors.EmptyRefreshToken(clientId);

        if (!host.ShouldProcess($"a refresh token of client '{clientId}' at {authority.AbsoluteUri}", "Revoke")) return;
        try
        {
            var revocation = RefreshTokenRevoker.Revoke(authority, clientId, clientSecret, refreshToken, timeout ?? TimeSpan.FromSeconds(30), host.Stopping);
            host.WriteVerbose($"{authority.AbsoluteUri}oauth/revoke answered {revocation.StatusCode}.");
            host.WriteObject(revocation);
        }
        catch (LogoutException e)
        {
            host.WriteError(e.ToError());
        }
    }
}
