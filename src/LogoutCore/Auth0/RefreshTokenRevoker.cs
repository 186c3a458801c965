using System.Security;
using System.Text;
using LogoutModule.Core.Shared;
using LogoutModule.Core.Shared.Http;

namespace LogoutModule.Core.Auth0;

/// <summary>POST /oauth/revoke with a JSON body (Auth0 accepts JSON and forms; JSON-only servers such as oauth2-mock-server need JSON).</summary>
public static class RefreshTokenRevoker
{
    public static Auth0TokenRevocation Revoke(Uri baseUri, string clientId, SecureString? clientSecret, string refreshToken, TimeSpan timeout,
        CancellationToken cancellation)
    {
        var secret = clientSecret is null ? null : SecretText.Reveal(clientSecret);
        var body = new StringBuilder("{\"client_id\":");
        JsJson.WriteString(body, clientId);
        if (secret is not null)
        {
            body.Append(",\"client_secret\":");
            JsJson.WriteString(body, secret);
        }
        body.Append(",\"token\":");
        JsJson.WriteString(body, refreshToken);
        body.Append(",\"token_type_hint\":\"refresh_token\"}");

        var uri = new Uri(baseUri, "oauth/revoke");
        var authority = baseUri.AbsoluteUri;
        HttpResult result;
        try
        {
            result = HttpSender.Send(new HttpRequest("POST", uri) { Body = body.ToString(), Timeout = timeout }, cancellation);
        }
        catch (HttpSendException e)
        {
            throw new LogoutException("Auth0Unreachable", ErrorKind.ConnectionError, authority, SecretText.Scrub(e.Message, secret, refreshToken), e);
        }
        if (result.StatusCode is >= 200 and < 300) return new Auth0TokenRevocation(authority, clientId, result.StatusCode);

        var text = ServerErrorText.From(result.Body, secret, refreshToken);
        throw result.StatusCode switch
        {
            400 => new LogoutException("RevokeInvalidRequest", ErrorKind.InvalidArgument, clientId,
                $"Auth0 refused the revocation request for client '{clientId}' (400: {text})."),
            401 => new LogoutException("RevokeInvalidClient", ErrorKind.AuthenticationError, clientId,
                $"Auth0 did not accept the credentials of client '{clientId}' (401: {text}). A confidential application needs -ClientSecret or -Credential."),
            403 => new LogoutException("RevokeForbidden", ErrorKind.PermissionDenied, clientId,
                $"Auth0 does not allow client '{clientId}' to revoke this token (403: {text})."),
            429 => new LogoutException("RevokeRateLimited", ErrorKind.ResourceBusy, clientId,
                $"Auth0 rate-limited the revocation (429: {text}); try again later."),
            _ => new LogoutException("RevokeFailed", ErrorKind.InvalidResult, clientId,
                $"Auth0 answered {result.StatusCode} to the revocation for client '{clientId}': {text}"),
        };
    }
}
