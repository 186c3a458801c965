using System.Collections.Specialized;
using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using LogoutModule.Tests.Support;

namespace LogoutModule.Tests.Auth0;

/// <summary>
/// An in-test HTTP server on 127.0.0.1 that answers like Auth0's /v2/logout, /oauth/revoke and the two Management API reads
/// (GET /api/v2/clients/{id} and GET /api/v2/tenants/settings). Its allow-list check is a deliberately naive exact comparison,
/// independent of the module's matcher, and it records every request.
/// </summary>
public sealed class FakeAuth0Server : IDisposable
{
    public const string ManagementToken = "mgmt-TOKEN-7f3a9c";
    public const string NoScopeToken = "mgmt-NOSCOPE-1b2c";
    public const string ConfidentialClient = "conf-cid";
    public const string ClientSecret = "S3cr3t-Client-Value";
    public const string PublicClient = "public-cid";
    /// <summary>A client whose errors echo the request body back, as a careless server might.</summary>
    public const string EchoClient = "echo-cid";

    private readonly LoopbackServer _server;

    public FakeAuth0Server() => _server = new LoopbackServer(Handle);

    public Uri BaseUri => _server.BaseUri;
    public Dictionary<string, List<string>> ClientAllowedLogoutUrls { get; } = new() { [PublicClient] = new(), [ConfidentialClient] = new() };
    public List<string> TenantAllowedLogoutUrls { get; } = new();
    public List<RecordedRequest> Requests { get; } = new();
    public List<string> RevokedTokens { get; } = new();

    public sealed record RecordedRequest(string Method, string Path, string Query, string? Cookie, string? Authorization, string? ContentType, string Body);

    private LoopbackResponse Handle(Support.RecordedRequest request)
    {
        var body = request.BodyText;
        var authorization = request.Header("Authorization");
        lock (Requests)
            Requests.Add(new RecordedRequest(request.Method, request.Path, request.Query, request.Header("Cookie"), authorization, request.Header("Content-Type"), body));

        switch (request.Method, request.Path)
        {
            case ("GET", "/v2/logout"):
                return Logout(HttpUtility.ParseQueryString(request.Query));
            case ("POST", "/oauth/revoke"):
                return Revoke(request.Header("Content-Type"), body);
            case ("GET", "/api/v2/tenants/settings"):
                return Authorized(authorization, "read:tenant_settings") ?? Json(200, new JsonObject { ["allowed_logout_urls"] = Array(TenantAllowedLogoutUrls) });
            case ("GET", var p) when p.StartsWith("/api/v2/clients/", StringComparison.Ordinal):
                if (Authorized(authorization, "read:clients") is { } refused) return refused;
                var id = Uri.UnescapeDataString(p.Substring("/api/v2/clients/".Length));
                return ClientAllowedLogoutUrls.TryGetValue(id, out var urls)
                    ? Json(200, new JsonObject { ["allowed_logout_urls"] = Array(urls) })
                    : Json(404, new JsonObject { ["statusCode"] = 404, ["error"] = "Not Found", ["message"] = "The client does not exist" });
            default:
                return new LoopbackResponse(404);
        }
    }

    private LoopbackResponse Logout(NameValueCollection query)
    {
        var clientId = query["client_id"];
        var returnTo = query["returnTo"];
        if (clientId is not null && !ClientAllowedLogoutUrls.ContainsKey(clientId)) return Text(400, "text/plain", "invalid_request: Unknown client.");
        var allowed = clientId is null ? TenantAllowedLogoutUrls : ClientAllowedLogoutUrls[clientId];
        if (returnTo is null) return allowed.Count > 0 ? Redirect(allowed[0]) : Text(200, "text/plain", "OK");
        var withoutQuery = returnTo.Split('?', '#')[0];
        return allowed.Contains(withoutQuery)
            ? Redirect(returnTo)
            : Text(400, "text/html", $"<html><body><h1>Oops!, something went wrong</h1><p>invalid_request: The \"returnTo\" querystring parameter \"{WebUtility.HtmlEncode(returnTo)}\" is not defined as a valid URL in \"Allowed Logout URLs\".</p></body></html>");
    }

    private LoopbackResponse Revoke(string? contentType, string body)
    {
        var fields = contentType?.StartsWith("application/json", StringComparison.Ordinal) == true
            ? JsonNode.Parse(body)!.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value)
            : body.Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(kv => Uri.UnescapeDataString(kv[0]), kv => (string?)Uri.UnescapeDataString(kv.ElementAtOrDefault(1) ?? ""));
        fields.TryGetValue("client_id", out var clientId);
        fields.TryGetValue("client_secret", out var secret);
        fields.TryGetValue("token", out var token);
        if (clientId == EchoClient)
            return Json(400, new JsonObject { ["error"] = "invalid_request", ["error_description"] = $"Bad request body: {body}" });
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(token))
            return Json(400, new JsonObject { ["error"] = "invalid_request", ["error_description"] = $"Missing required parameter: {(string.IsNullOrEmpty(clientId) ? "client_id" : "token")}" });
        var authenticated = clientId == PublicClient && secret is null || clientId == ConfidentialClient && secret == ClientSecret;
        if (!authenticated)
            return Json(401, new JsonObject { ["error"] = "invalid_client", ["error_description"] = "Client authentication failed." });
        lock (RevokedTokens) RevokedTokens.Add(token);
        return new LoopbackResponse(200);
    }

    /// <summary>Null when the bearer token may read; otherwise the 401 or 403 answer.</summary>
    private static LoopbackResponse? Authorized(string? authorization, string scope)
    {
        if (authorization == "Bearer " + ManagementToken) return null;
        return authorization == "Bearer " + NoScopeToken
            ? Json(403, new JsonObject { ["statusCode"] = 403, ["error"] = "Forbidden", ["message"] = $"Insufficient scope, expected any of: {scope}" })
            : Json(401, new JsonObject { ["statusCode"] = 401, ["error"] = "Unauthorized", ["message"] = "Invalid token" });
    }

    private static JsonArray Array(IEnumerable<string> items) => new(items.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray());

    private static LoopbackResponse Redirect(string location) => new(302, "", new Dictionary<string, string> { ["Location"] = location });

    private static LoopbackResponse Json(int status, JsonObject body) => Text(status, "application/json", body.ToJsonString());

    private static LoopbackResponse Text(int status, string contentType, string text) => new(status, text, new Dictionary<string, string> { ["Content-Type"] = contentType });

    public void Dispose() => _server.Dispose();
}
