using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;
using LogoutModule.Core.Shared.Http;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// Disconnect-Org -Revoke (sf never does this): POSTs the org's refresh token, or its access token when it has none,
/// to <c>{instanceUrl or loginUrl}/services/oauth2/revoke</c>. A refresh token takes its access tokens with it.
/// The token is decrypted only into the request body and never reported.
/// </summary>
public static class SfTokenRevoker
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Revokes one org's token; never throws for a network or server failure (the local logout goes on), only
    /// OperationCanceledException when <paramref name="cancellation"/> (Ctrl+C) fires.
    /// </summary>
    public static (RevocationStatus Status, string? Reason) Revoke(OrgAuthorization org, SfCrypto? crypto, CancellationToken cancellation)
    {
        var json = SfAuthFile.TryRead(org.AuthFile, out var problem);
        if (json is null) return (RevocationStatus.NotRevoked, problem);
        var stored = NonEmpty(json["refreshToken"]) ?? NonEmpty(json["accessToken"]);
        if (stored is null) return (RevocationStatus.NotRevoked, "the auth file holds no token");
        var baseUrl = NonEmpty(json["instanceUrl"]) ?? NonEmpty(json["loginUrl"]);
        if (baseUrl is null || !Uri.TryCreate(baseUrl.TrimEnd('/') + "/services/oauth2/revoke", UriKind.Absolute, out var endpoint))
            return (RevocationStatus.NotRevoked, "the auth file has no usable instanceUrl or loginUrl");

        string token;
        if (crypto is not null && crypto.LooksEncrypted(stored))
        {
            try { token = crypto.Decrypt(stored); }
            catch (CryptographicException) { return (RevocationStatus.NotRevoked, "the token cannot be decrypted"); }
        }
        // Without a usable key a value in sf's encrypted shape (the v1 shape covers both) must not be sent as the token.
        else if (crypto is null && SfCrypto.HasEncryptedShape(stored, v2: false)) return (RevocationStatus.NotRevoked, "the sf key needed to decrypt the token was not found");
        else token = stored;

        try
        {
            var response = HttpSender.Send(new HttpRequest("POST", endpoint)
            {
                Body = "token=" + Uri.EscapeDataString(token),
                ContentType = "application/x-www-form-urlencoded",
                Timeout = Timeout,
            }, cancellation);
            if (response.StatusCode == 200) return (RevocationStatus.Revoked, null);
            var code = OAuthErrorCode(response.Body);
            return (RevocationStatus.NotRevoked, $"{HttpSender.Describe(endpoint)} answered HTTP {response.StatusCode}" + (code is null ? "" : $" {code}"));
        }
        catch (HttpSendException e)
        {
            return (RevocationStatus.NotRevoked, e.Message);
        }
    }

    /// <summary>Only the OAuth "error" code is reported: the description is the server's free text.</summary>
    private static string? OAuthErrorCode(string body)
    {
        try { return JsJson.AsString((JsJson.Parse(body) as JsonObject)?["error"]); }
        catch (JsonException) { return null; }
    }

    private static string? NonEmpty(JsonNode? node) => JsJson.AsString(node) is { Length: > 0 } text ? text : null;
}
