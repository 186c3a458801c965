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
public static class TokenRevoker
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The revocation endpoint of an org: https, or http only on a loopback host (a test server), so a token never
    /// travels in clear text and a made-up instance URL is refused before any connection. Null, with why, otherwise.
    /// </summary>
    public static Uri? Endpoint(string? instanceUrl, string? loginUrl, out string? problem)
    {
        problem = null;
        var baseUrl = instanceUrl is { Length: > 0 } ? instanceUrl : loginUrl is { Length: > 0 } ? loginUrl : null;
        if (baseUrl is null || !Uri.TryCreate(baseUrl.TrimEnd('/') + "/services/oauth2/revoke", UriKind.Absolute, out var endpoint))
        {
            problem = "the auth file has no usable instanceUrl or loginUrl";
            return null;
        }
        if (endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback)) return endpoint;
        problem = $"the revocation address {HttpSender.Describe(endpoint)} is not https (http is allowed only on loopback)";
        return null;
    }

    /// <summary>
    /// Revokes one org's token within <paramref name="timeout"/>. Never throws for a network, server or file failure:
    /// the outcome says whether the org may be logged out locally. 200 is Revoked; 400 <c>invalid_token</c> (Salesforce's
    /// answer for a revoked or expired token) is AlreadyInvalid; an unreachable server, a timeout, any other answer or an
    /// address that is not https could not be done, and the token may still be valid. A token that cannot be decrypted
    /// (no usable sf key) cannot be used by sf either, so its org may go. Throws OperationCanceledException only when
    /// <paramref name="cancellation"/> fires.
    /// </summary>
    /// <param name="authFile">The auth file holding the token.</param>
    /// <param name="endpoint">Where the plan (and -WhatIf) said the token goes, from <see cref="Endpoint"/>; null when it cannot be revoked.</param>
    /// <param name="endpointProblem">Why there is no endpoint (<see cref="Endpoint"/>'s reason).</param>
    public static async Task<RevocationOutcome> RevokeAsync(string authFile, Uri? endpoint, string? endpointProblem, Crypto? crypto, TimeSpan timeout, CancellationToken cancellation)
    {
        var json = AuthFileReader.TryRead(authFile, out var problem);
        if (json is null) return RevocationOutcome.CouldNotBeDone(problem!);
        var stored = NonEmpty(json["refreshToken"]) ?? NonEmpty(json["accessToken"]);
        if (stored is null) return new RevocationOutcome(RevocationStatus.NotRevoked, "the auth file holds no token");
        if (endpoint is null) return RevocationOutcome.CouldNotBeDone(endpointProblem ?? "the auth file has no usable instanceUrl or loginUrl");

        string token;
        if (crypto is not null && crypto.LooksEncrypted(stored))
        {
            try { token = crypto.Decrypt(stored); }
            catch (CryptographicException) { return new RevocationOutcome(RevocationStatus.NotRevoked, "the token cannot be decrypted"); }
        }
        // Without a usable key a value in sf's encrypted shape (the v1 shape covers both) must not be sent as the token.
        else if (crypto is null && Crypto.HasEncryptedShape(stored, v2: false)) return new RevocationOutcome(RevocationStatus.NotRevoked, "the sf key needed to decrypt the token was not found");
        else token = stored;

        try
        {
            var response = await HttpSender.SendAsync(new HttpRequest("POST", endpoint)
            {
                Body = "token=" + Uri.EscapeDataString(token),
                ContentType = "application/x-www-form-urlencoded",
                Timeout = timeout,
            }, cancellation).ConfigureAwait(false);
            if (response.StatusCode == 200) return new RevocationOutcome(RevocationStatus.Revoked, null);
            var code = OAuthErrorCode(response.Body);
            // The error code is server text: a server may echo the posted token in it, in any spelling.
            var answer = SecretText.Scrub($"{HttpSender.Describe(endpoint)} answered HTTP {response.StatusCode}" + (code is null ? "" : $" {code}"), token, stored);
            return response.StatusCode == 400 && code == "invalid_token"
                ? new RevocationOutcome(RevocationStatus.AlreadyInvalid, answer)
                : RevocationOutcome.CouldNotBeDone(answer);
        }
        catch (HttpSendException e)
        {
            return RevocationOutcome.CouldNotBeDone(SecretText.Scrub(e.Message, token, stored));
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
