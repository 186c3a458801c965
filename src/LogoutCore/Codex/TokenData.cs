using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>The ChatGPT tokens of a stored login. Never printed.</summary>
public sealed class TokenData
{
    public TokenData(string idToken, string accessToken, string refreshToken, string? accountId)
    {
        IdToken = idToken;
        AccessToken = accessToken;
        RefreshToken = refreshToken;
        AccountId = accountId;
    }

    public string IdToken { get; }
    public string AccessToken { get; }
    public string RefreshToken { get; }
    public string? AccountId { get; }

    /// <summary>The id_token's email and ChatGPT plan, read without a signature check (as codex does); null when absent.</summary>
    public (string? Email, string? Plan) ReadIdentity()
    {
        try
        {
            var payload = JsJson.Parse(Encoding.UTF8.GetString(DecodeBase64Url(IdToken.Split('.')[1]))) as JsonObject;
            var auth = payload?["https://api.openai.com/auth"] as JsonObject;
            var profile = payload?["https://api.openai.com/profile"] as JsonObject;
            return (JsJson.AsString(payload?["email"]) ?? JsJson.AsString(profile?["email"]), JsJson.AsString(auth?["chatgpt_plan_type"]));
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return (null, null);
        }
    }

    private static byte[] DecodeBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
    }
}
