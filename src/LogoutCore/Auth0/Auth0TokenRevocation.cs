using System.Security;
using System.Text;
using LogoutModule.Core.Shared;
using LogoutModule.Core.Shared.Http;

namespace LogoutModule.Core.Auth0;

/// <summary>
/// What Revoke-Auth0RefreshToken revoked: the Auth0 base address the request went to, the client and the 2xx status.
/// Only a revocation Auth0 accepted becomes one (per RFC 7009 also for unknown or already revoked tokens); failures are errors.
/// </summary>
public sealed record Auth0TokenRevocation(string Authority, string ClientId, int StatusCode)
{
    public override string ToString() => $"Revoked a refresh token of {ClientId} at {Authority}";
}
