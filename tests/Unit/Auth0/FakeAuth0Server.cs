using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

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

    private readonly HttpListener _listener;
    private readonly Task _loop;

    public FakeAuth0Server()
    {
        // HttpListener cannot bind port 0, so take a free port and retry if another test grabbed it in between
        // (a listener whose Start failed is unusable, hence a new one per attempt).
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                _listener = listener;
                BaseUri = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (Exception e) when (e is HttpListenerException or SocketException && attempt < 10)
            {
                listener.Close();
            }
        }
        _loop = Task.Run(Serve);
    }

    public Uri BaseUri { get; }
    public Dictionary<string, List<string>> ClientAllowedLogoutUrls { get; } = new() { [PublicClient] = new(), [ConfidentialClient] = new() };
    public List<string> TenantAllowedLogoutUrls { get; } = new();
    public List<RecordedRequest> Requests { get; } = new();
    public List<string> RevokedTokens { get; } = new();

    public sealed record RecordedRequest(string Method, string Path, string Query, string? Cookie, string? Authorization, string? ContentType, string Body);

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                Handle(context);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var body = new StreamReader(request.InputStream, Encoding.UTF8).ReadToEnd();
        var path = request.Url!.AbsolutePath;
        lock (Requests)
            Requests.Add(new RecordedRequest(request.HttpMethod, path, request.Url.Query, request.Headers["Cookie"], request.Headers["Authorization"], request.ContentType, body));

        var response = context.Response;
        switch (request.HttpMethod, path)
        {
            case ("GET", "/v2/logout"):
                Logout(request, response);
                break;
            case ("POST", "/oauth/revoke"):
                Revoke(request.ContentType, body, response);
                break;
            case ("GET", "/api/v2/tenants/settings"):
                if (Authorized(request, response, "read:tenant_settings")) Json(response, 200, new JsonObject { ["allowed_logout_urls"] = Array(TenantAllowedLogoutUrls) });
                break;
            case ("GET", var p) when p.StartsWith("/api/v2/clients/", StringComparison.Ordinal):
                if (!Authorized(request, response, "read:clients")) break;
                var id = Uri.UnescapeDataString(p.Substring("/api/v2/clients/".Length));
                if (ClientAllowedLogoutUrls.TryGetValue(id, out var urls)) Json(response, 200, new JsonObject { ["allowed_logout_urls"] = Array(urls) });
                else Json(response, 404, new JsonObject { ["statusCode"] = 404, ["error"] = "Not Found", ["message"] = "The client does not exist" });
                break;
            default:
                response.StatusCode = 404;
                break;
        }
    }

    private void Logout(HttpListenerRequest request, HttpListenerResponse response)
    {
        var clientId = request.QueryString["client_id"];
        var returnTo = request.QueryString["returnTo"];
        if (clientId is not null && !ClientAllowedLogoutUrls.ContainsKey(clientId))
        {
            Text(response, 400, "text/plain", "invalid_request: Unknown client.");
            return;
        }
        var allowed = clientId is null ? TenantAllowedLogoutUrls : ClientAllowedLogoutUrls[clientId];
        if (returnTo is null)
        {
            if (allowed.Count > 0) Redirect(response, allowed[0]);
            else Text(response, 200, "text/plain", "OK");
            return;
        }
        var withoutQuery = returnTo.Split('?', '#')[0];
        if (allowed.Contains(withoutQuery)) Redirect(response, returnTo);
        else Text(response, 400, "text/html", $"<html><body><h1>Oops!, something went wrong</h1><p>invalid_request: The \"returnTo\" querystring parameter \"{WebUtility.HtmlEncode(returnTo)}\" is not defined as a valid URL in \"Allowed Logout URLs\".</p></body></html>");
    }

    private void Revoke(string? contentType, string body, HttpListenerResponse response)
    {
        var fields = contentType?.StartsWith("application/json", StringComparison.Ordinal) == true
            ? JsonNode.Parse(body)!.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value)
            : body.Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(kv => Uri.UnescapeDataString(kv[0]), kv => (string?)Uri.UnescapeDataString(kv.ElementAtOrDefault(1) ?? ""));
        fields.TryGetValue("client_id", out var clientId);
        fields.TryGetValue("client_secret", out var secret);
        fields.TryGetValue("token", out var token);
        if (clientId == EchoClient)
        {
            Json(response, 400, new JsonObject { ["error"] = "invalid_request", ["error_description"] = $"Bad request body: {body}" });
            return;
        }
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(token))
        {
            Json(response, 400, new JsonObject { ["error"] = "invalid_request", ["error_description"] = $"Missing required parameter: {(string.IsNullOrEmpty(clientId) ? "client_id" : "token")}" });
            return;
        }
        var authenticated = clientId == PublicClient && secret is null || clientId == ConfidentialClient && secret == ClientSecret;
        if (!authenticated)
        {
            Json(response, 401, new JsonObject { ["error"] = "invalid_client", ["error_description"] = "Client authentication failed." });
            return;
        }
        lock (RevokedTokens) RevokedTokens.Add(token);
        response.StatusCode = 200;
    }

    private static bool Authorized(HttpListenerRequest request, HttpListenerResponse response, string scope)
    {
        var authorization = request.Headers["Authorization"];
        if (authorization == "Bearer " + ManagementToken) return true;
        if (authorization == "Bearer " + NoScopeToken)
            Json(response, 403, new JsonObject { ["statusCode"] = 403, ["error"] = "Forbidden", ["message"] = $"Insufficient scope, expected any of: {scope}" });
        else
            Json(response, 401, new JsonObject { ["statusCode"] = 401, ["error"] = "Unauthorized", ["message"] = "Invalid token" });
        return false;
    }

    private static JsonArray Array(IEnumerable<string> items) => new(items.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray());

    private static void Redirect(HttpListenerResponse response, string location)
    {
        response.StatusCode = 302;
        response.RedirectLocation = location;
    }

    private static void Json(HttpListenerResponse response, int status, JsonObject body) => Text(response, status, "application/json", body.ToJsonString());

    private static void Text(HttpListenerResponse response, int status, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.OutputStream.Write(bytes);
    }

    public void Dispose()
    {
        if (!_listener.IsListening) return;
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
