using System.Runtime.InteropServices;
using System.Text;
using LogoutModule.Core.Shared;
using LogoutModule.Core.Shared.Http;

namespace LogoutModule.Core.Codex;

/// <summary>
/// The token revocation codex logout sends for a ChatGPT login (codex-rs/login/src/auth/revoke.rs): the refresh token
/// with codex's public client id, or the access token when the refresh token is empty. Best-effort, as in codex.
/// </summary>
public static class CodexRevoker
{
    public const string DefaultUrl = "https://auth.openai.com/oauth/revoke";
    public const string ClientId = "app_EMoamEEZ73f0CkXaXp7hrann";
    public const string CodexVersion = "0.169.0";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>CODEX_REVOKE_TOKEN_URL_OVERRIDE, else the origin of CODEX_REFRESH_TOKEN_URL_OVERRIDE + /oauth/revoke, else OpenAI's.</summary>
    public static Uri ResolveUrl(CodexContext context)
    {
        if (context.Variable("CODEX_REVOKE_TOKEN_URL_OVERRIDE") is { } revoke) return ParseUrl(revoke, "CODEX_REVOKE_TOKEN_URL_OVERRIDE");
        if (context.Variable("CODEX_REFRESH_TOKEN_URL_OVERRIDE") is { } refresh)
            return new Uri(ParseUrl(refresh, "CODEX_REFRESH_TOKEN_URL_OVERRIDE").GetLeftPart(UriPartial.Authority) + "/oauth/revoke");
        return new Uri(DefaultUrl);
    }

    /// <summary>The exact body codex sends: compact JSON in this key order.</summary>
    public static string Body(TokenData tokens)
    {
        var body = new StringBuilder("{\"token\":");
        if (tokens.RefreshToken.Length > 0)
        {
            JsJson.WriteString(body, tokens.RefreshToken);
            body.Append(",\"token_type_hint\":\"refresh_token\",\"client_id\":");
            JsJson.WriteString(body, ClientId);
        }
        else
        {
            JsJson.WriteString(body, tokens.AccessToken);
            body.Append(",\"token_type_hint\":\"access_token\"");
        }
        return body.Append('}').ToString();
    }

    public static HttpRequest Request(Uri url, TokenData tokens) => new("POST", url)
    {
        Body = Body(tokens),
        ContentType = "application/json",
        Timeout = Timeout,
        Headers = new Dictionary<string, string> { ["originator"] = "codex_cli_rs", ["User-Agent"] = UserAgent() },
    };

    /// <summary>
    /// Sends the revocation; the outcome is a sentence for the result (never the token). Throws only
    /// OperationCanceledException, when <paramref name="cancellation"/> (Ctrl+C) fires.
    /// </summary>
    public static (bool Revoked, string Outcome) Revoke(Uri url, TokenData tokens, CancellationToken cancellation)
    {
        try
        {
            var result = HttpSender.Send(Request(url, tokens), cancellation);
            return result.StatusCode is >= 200 and < 300
                ? (true, $"{HttpSender.Describe(url)} answered {result.StatusCode}")
                : (false, $"{HttpSender.Describe(url)} answered {result.StatusCode}");
        }
        catch (HttpSendException e)
        {
            return (false, SecretText.Scrub(e.Message, tokens.RefreshToken, tokens.AccessToken, tokens.IdToken));
        }
    }

    // codex's form: codex_cli_rs/<version> (<os> <version>; <arch>) <terminal>; our "terminal" slot names the module.
    private static string UserAgent()
    {
        var os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "Windows" : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "Mac OS" : "Linux";
        var arch = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "x86_64";
        return $"codex_cli_rs/{CodexVersion} ({os} {Environment.OSVersion.Version}; {arch}) LogoutModule";
    }

    private static Uri ParseUrl(string value, string variable)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https")
            ? uri
            : throw CodexErrors.RevokeUrlInvalid(variable);
}
