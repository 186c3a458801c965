using System.Security;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>One refresh token of one client to revoke, at -Domain or -BaseUri (Auth0Address.Resolve's rules).</summary>
public sealed record RevokeAuth0RefreshTokenRequest(string ClientId, SecureString RefreshToken)
{
    public string? Domain { get; init; }
    public Uri? BaseUri { get; init; }

    /// <summary>The client secret of a confidential application; null for a public one.</summary>
    public SecureString? ClientSecret { get; init; }

    /// <summary>How long to wait for Auth0's answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Names the client only: a record's generated text would show the refresh token.</summary>
    public override string ToString() => $"a refresh token of client '{ClientId}'";
}

/// <summary>Revoke-Auth0RefreshToken: one ShouldProcess and one POST /oauth/revoke per token; failures are per-token errors.</summary>
public static class RevokeAuth0RefreshTokenOperation
{
    private const int ProgressId = 0x0A0F;

    /// <summary>
    /// Revokes the token and writes an Auth0TokenRevocation; Auth0's refusal or an unreachable server is a
    /// non-terminating error (Auth0Errors). Throws LogoutException (InvalidArgument) for an unusable domain, client id
    /// or empty token.
    /// </summary>
    public static void Invoke(Auth0Context context, RevokeAuth0RefreshTokenRequest request, IHostInteraction host)
    {
        var clientId = request.ClientId;
        var authority = Auth0Address.Resolve(request.Domain, request.BaseUri);
        if (clientId.Length == 0 || clientId.Any(char.IsControl))
            throw Auth0Errors.InvalidLogoutParameter("ClientId");
        if (request.RefreshToken.Length == 0) throw Auth0Errors.EmptyRefreshToken(clientId);

        if (!host.ShouldProcess($"a refresh token of client '{clientId}' at {authority.AbsoluteUri}", "Revoke")) return;
        try
        {
            Auth0TokenRevocation revocation;
            using (new ProgressScope(host, ProgressId, "Revoking an Auth0 refresh token", $"Waiting for {authority.Authority}"))
                revocation = RefreshTokenRevoker.Revoke(authority, clientId, request.ClientSecret, SecretText.Reveal(request.RefreshToken), request.Timeout, host.Stopping);
            host.WriteVerbose($"{authority.AbsoluteUri}oauth/revoke answered {revocation.StatusCode}.");
            host.WriteObject(revocation);
        }
        catch (LogoutException e)
        {
            host.WriteError(e.ToError());
        }
    }
}
