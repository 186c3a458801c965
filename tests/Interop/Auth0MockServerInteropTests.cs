using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LogoutModule.Core.Auth0;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Interop;

/// <summary>
/// The probe, the revocation and the -Wait round trip against a real third-party OAuth2/OIDC server
/// (oauth2-mock-server from npm, with Auth0's /oidc/logout and /oauth/revoke paths), started per test.
/// </summary>
public sealed class Auth0MockServerInteropTests : IDisposable
{
    private const string MockVariable = "LOGOUT_OAUTH2_MOCK_DIR";
    private const string RefreshToken = "v1.interop-REFRESH-token-5d4c3b2a";
    private const string Secret = "interop-CLIENT-secret-9e8f";

    private readonly MockServer _server = new();

    public void Dispose() => _server.Dispose();

    private static string FreeLoopbackUrl(string path)
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}{path}";
    }

    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    [InteropFact(MockVariable, "LOGOUT_NODE22")]
    public void Probe_of_its_end_session_endpoint_sees_the_302_back_to_the_redirect()
    {
        var host = new FakeHost();
        var returnTo = "http://127.0.0.1:9/bye";

        TestAuth0LogoutUrlOperation.Invoke(new Auth0Context(new RecordingBrowser()),
            new TestAuth0LogoutUrlRequest { BaseUri = _server.BaseUri, Endpoint = Auth0LogoutEndpoint.Oidc, ClientId = "CID", ReturnTo = returnTo, Probe = true }, host);

        var result = Assert.IsType<Auth0LogoutUrlTest>(Assert.Single(host.Output));
        Assert.True(result.Accepted, result.Reason);
        Assert.Equal(302, result.StatusCode);
        Assert.Equal(returnTo, result.Location);
        Assert.Equal("endsession", _server.NextEvent()["event"]!.GetValue<string>());
    }

    [InteropFact(MockVariable, "LOGOUT_NODE22")]
    public void Probe_of_a_path_it_does_not_serve_reports_the_status_as_not_accepted()
    {
        var host = new FakeHost();

        TestAuth0LogoutUrlOperation.Invoke(new Auth0Context(new RecordingBrowser()),
            new TestAuth0LogoutUrlRequest { BaseUri = _server.BaseUri, ClientId = "CID", ReturnTo = "http://127.0.0.1:9/bye", Probe = true }, host);

        var result = Assert.IsType<Auth0LogoutUrlTest>(Assert.Single(host.Output));
        Assert.False(result.Accepted);
        Assert.Equal(404, result.StatusCode);
        Assert.Null(result.Location);
        Assert.Contains("answered 404 instead of a 302", result.Reason);
    }

    [InteropFact(MockVariable, "LOGOUT_NODE22")]
    public void Revocation_reaches_it_as_JSON_with_the_client_secret_and_token_and_shows_neither()
    {
        var host = new FakeHost();
        var secret = new SecureString();
        foreach (var c in Secret) secret.AppendChar(c);
        var token = new SecureString();
        foreach (var c in RefreshToken) token.AppendChar(c);

        RevokeAuth0RefreshTokenOperation.Invoke(new Auth0Context(new RecordingBrowser()), new("CID", token) { BaseUri = _server.BaseUri, ClientSecret = secret }, host);

        Assert.Empty(host.Errors);
        Assert.Equal(200, Assert.IsType<Auth0TokenRevocation>(Assert.Single(host.Output)).StatusCode);
        var seen = _server.NextEvent();
        Assert.Equal("revoke", seen["event"]!.GetValue<string>());
        Assert.StartsWith("application/json", seen["contentType"]!.GetValue<string>());
        Assert.Equal("CID", seen["clientId"]!.GetValue<string>());
        Assert.Equal(Sha256(Secret), seen["secretSha256"]!.GetValue<string>());
        Assert.Equal(Sha256(RefreshToken), seen["tokenSha256"]!.GetValue<string>());
        Assert.Equal("refresh_token", seen["tokenTypeHint"]!.GetValue<string>());
        Assert.DoesNotContain(RefreshToken, host.AllText());
        Assert.DoesNotContain(Secret, host.AllText());
    }

    [InteropFact(MockVariable, "LOGOUT_NODE22")]
    public async Task Wait_sees_the_browser_come_back_through_its_end_session_redirect()
    {
        var returnTo = FreeLoopbackUrl("/logged-out");
        var browser = new FollowingBrowser();
        var host = new FakeHost();

        DisconnectAuth0SessionOperation.Invoke(new Auth0Context(browser),
            new DisconnectAuth0SessionRequest { BaseUri = _server.BaseUri, Endpoint = Auth0LogoutEndpoint.Oidc, ClientId = "CID", ReturnTo = returnTo, State = "st-42", Wait = true, Timeout = TimeSpan.FromSeconds(20) }, host);

        Assert.Empty(host.Errors);
        Assert.True(Assert.IsType<Auth0LogoutSession>(Assert.Single(host.Output)).Returned);
        var (status, finalUri, body) = await browser.Navigation!;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(returnTo + "?state=st-42", finalUri.AbsoluteUri);
        Assert.Contains("signed out", body);
        Assert.Equal(returnTo + "?state=st-42", _server.NextEvent()["redirect"]!.GetValue<string>());
    }

    /// <summary>tests/Interop/auth0/oauth2-mock-server.mjs under Node 22: its port from the first line, then its event lines.</summary>
    private sealed class MockServer : IDisposable
    {
        private readonly Process? _process;
        private readonly BlockingCollection<JsonObject> _events = new();

        public MockServer()
        {
            if (Peers.SkipReason(new[] { MockVariable, "LOGOUT_NODE22" }) is not null) return;
            var start = new ProcessStartInfo(Peers.Variable("LOGOUT_NODE22"))
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "Interop", "auth0", "oauth2-mock-server.mjs"));
            start.Environment[MockVariable] = Peers.Variable(MockVariable);
            _process = Process.Start(start)!;
            var stderr = _process.StandardError.ReadToEndAsync();
            var first = _process.StandardOutput.ReadLineAsync();
            if (!first.Wait(TimeSpan.FromSeconds(30)) || first.Result is null)
                throw new InvalidOperationException("oauth2-mock-server did not start: " + (stderr.IsCompleted ? stderr.Result : "(no output)"));
            BaseUri = new Uri($"http://127.0.0.1:{JsonNode.Parse(first.Result)!["port"]!.GetValue<int>()}/");
            Task.Run(async () =>
            {
                while (await _process.StandardOutput.ReadLineAsync() is { } line) _events.Add((JsonObject)JsonNode.Parse(line)!);
                _events.CompleteAdding();
            });
        }

        public Uri BaseUri { get; } = new("http://127.0.0.1:9/");

        public JsonObject NextEvent()
        {
            Assert.True(_events.TryTake(out var next, TimeSpan.FromSeconds(10)), "oauth2-mock-server reported no request");
            return next!;
        }

        public void Dispose()
        {
            if (_process is null) return;
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
