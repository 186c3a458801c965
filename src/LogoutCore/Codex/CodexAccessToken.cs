using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>
/// The CODEX_ACCESS_TOKEN environment variable as `codex login status` 0.169.0 reads it (codex-rs login's
/// classify_codex_access_token and decode_agent_identity_jwt; each rule checked against the binary): trimmed, an
/// empty value is unset; ignored under forced_login_method = "api"; otherwise it replaces the stored login. "at-…" is
/// a personal access token; anything else must be an agent identity JWT whose payload holds codex's claims.
/// Codex then checks the token online (whoami, or the JWKS signature and a task registration); this reader does not.
/// </summary>
public sealed class CodexAccessToken
{
    public const string VariableName = "CODEX_ACCESS_TOKEN";

    private const string DecodeFailed = "failed to decode agent identity JWT: ";

    private CodexAccessToken(string mode, string? email, string? plan, string? error)
    {
        Mode = mode;
        Email = email;
        Plan = plan;
        Error = error;
    }

    /// <summary>codex's auth mode for the token: personalAccessToken or agentIdentity.</summary>
    public string Mode { get; }

    /// <summary>The agent identity JWT's email claim (read without a signature check); null when absent.</summary>
    public string? Email { get; }

    /// <summary>The agent identity JWT's plan_type claim; null when absent.</summary>
    public string? Plan { get; }

    /// <summary>codex's detail after "Error checking login status: " when the token cannot be decoded; never holds the token.</summary>
    public string? Error { get; }

    /// <summary>
    /// The token codex would sign in with for <paramref name="config"/>, or null when the variable is unset, blank, or
    /// ignored because forced_login_method is "api".
    /// </summary>
    public static CodexAccessToken? FromEnvironment(CodexContext context, CodexConfig config)
    {
        var value = context.Environment(VariableName)?.Trim();
        if (string.IsNullOrEmpty(value) || config.ForcedLoginMethod == CodexForcedLoginMethod.Api) return null;
        return Read(value!);
    }

    /// <summary>Classifies and decodes a token as codex does before it goes online.</summary>
    public static CodexAccessToken Read(string token)
    {
        if (token.StartsWith("at-", StringComparison.Ordinal)) return new CodexAccessToken("personalAccessToken", null, null, null);

        var parts = token.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0)) return Failed("invalid agent identity JWT format");
        if (DecodeBase64Url(parts[1]) is not { } payload) return Failed("agent identity JWT payload is not valid base64url: " + Base64Problem(parts[1]));
        try
        {
            if (JsonNode.Parse(payload) is not JsonObject claims || !HasCodexClaims(claims))
                return Failed("invalid credential JSON (the payload does not hold codex's agent identity claims)");
            return new CodexAccessToken("agentIdentity", JsJson.AsString(claims["email"]), JsJson.AsString(claims["plan_type"]), null);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return Failed("invalid credential JSON (the payload is not JSON)");
        }
    }

    private static CodexAccessToken Failed(string detail) => new("agentIdentity", null, null, DecodeFailed + detail);

    // AgentIdentityJwtClaims: every field required except email (an Option in 0.169.0), no extra checks offline.
    private static bool HasCodexClaims(JsonObject claims) =>
        new[] { "iss", "aud", "agent_runtime_id", "agent_private_key", "account_id", "chatgpt_user_id", "plan_type" }
            .All(name => JsJson.AsString(claims[name]) is not null)
        && new[] { "iat", "exp" }.All(name => claims[name] is JsonValue number && number.TryGetValue(out long value) && value >= 0)
        && claims["chatgpt_account_is_fedramp"] is JsonValue fedramp && fedramp.TryGetValue(out bool _)
        && (claims["email"] is null || JsJson.AsString(claims["email"]) is not null);

    // The base64 crate's wording for the two common faults.
    private static string Base64Problem(string text)
    {
        var bad = text.Select((c, i) => (c, i)).FirstOrDefault(p => !IsBase64Url(p.c));
        return bad.c != default ? $"Invalid symbol {(int)bad.c}, offset {bad.i}." : $"Invalid input length: {text.Length}";
    }

    private static bool IsBase64Url(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';

    /// <summary>URL-safe base64 without padding (Rust's URL_SAFE_NO_PAD); null when it is not.</summary>
    private static string? DecodeBase64Url(string text)
    {
        if (text.Length % 4 == 1 || !text.All(IsBase64Url)) return null;
        var base64 = text.Replace('-', '+').Replace('_', '/');
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return null;
        }
    }
}
