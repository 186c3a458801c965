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
            throw Auth0Errors.Auth0Unreachable(authority, SecretText.Scrub(e.Message, secret, refreshToken), e);
        }
        if (result.StatusCode is >= 200 and < 300) return new Auth0TokenRevocation(authority, clientId, result.StatusCode);

        throw Auth0Errors.RevokeRefused(result.StatusCode, clientId, ServerErrorText.From(result.Body, secret, refreshToken));
    }
}
