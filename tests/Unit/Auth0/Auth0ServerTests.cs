using System.Net;
using System.Security;
using LogoutModule.Core.Auth0;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Auth0;

/// <summary>The online parts against a loopback server that behaves like Auth0: the probe, the Management API reads, revocation and the -Wait round trip.</summary>
public sealed class Auth0ServerTests : IDisposable
{
    private const string RefreshToken = "v1.MRrT-refresh-TOKEN-0c9d8e7f6a5b";
    private readonly FakeAuth0Server _server = new();

    public void Dispose() => _server.Dispose();

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    private Auth0LogoutUrlTest Test(string returnTo, TestAuth0LogoutUrlRequest check, string? clientId = FakeAuth0Server.PublicClient, FakeHost? host = null)
    {
        host ??= new FakeHost();
        TestAuth0LogoutUrlOperation.Invoke(new Auth0Context(new RecordingBrowser()), check with { BaseUri = _server.BaseUri, ClientId = clientId, ReturnTo = returnTo }, host);
        return Assert.IsType<Auth0LogoutUrlTest>(Assert.Single(host.Output));
    }

    [Fact]
    public void Probe_reports_a_302_back_to_returnTo_as_accepted_and_sends_no_cookie()
    {
        _server.ClientAllowedLogoutUrls[FakeAuth0Server.PublicClient].Add("http://localhost:3000/bye");

        var result = Test("http://localhost:3000/bye?from=probe", new TestAuth0LogoutUrlRequest { Probe = true });

        Assert.True(result.Accepted, result.Reason);
        Assert.Equal(302, result.StatusCode);
        Assert.Equal("http://localhost:3000/bye?from=probe", result.Location);
        Assert.Equal("Probe", result.Source);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v2/logout", request.Path);
        Assert.Null(request.Cookie);
    }

    [Fact]
    public void Probe_reports_a_rejection_with_the_servers_own_text()
    {
        _server.ClientAllowedLogoutUrls[FakeAuth0Server.PublicClient].Add("http://localhost:3000/bye");

        var result = Test("http://localhost:3000/other", new TestAuth0LogoutUrlRequest { Probe = true });

        Assert.False(result.Accepted);
        Assert.Equal(400, result.StatusCode);
        Assert.Null(result.Location);
        Assert.Contains("invalid_request: The \"returnTo\" querystring parameter \"http://localhost:3000/other\" is not defined as a valid URL in \"Allowed Logout URLs\".", result.Reason);
    }

    [Fact]
    public void Probe_reports_anything_else_with_status_and_text()
    {
        var result = Test("http://localhost:3000/bye", new TestAuth0LogoutUrlRequest { Probe = true }, clientId: "nobody");

        Assert.False(result.Accepted);
        Assert.Equal(400, result.StatusCode);
        Assert.Contains("Unknown client", result.Reason);
    }

    [Fact]
    public void Probe_of_a_server_that_is_not_there_is_a_connection_error()
    {
        var port = _server.BaseUri.Port;
        _server.Dispose();
        var e = Assert.Throws<LogoutException>(() => TestAuth0LogoutUrlOperation.Invoke(new Auth0Context(new RecordingBrowser()),
            new TestAuth0LogoutUrlRequest { BaseUri = new Uri($"http://127.0.0.1:{port}/"), ReturnTo = "http://localhost:3000/", Probe = true, Timeout = TimeSpan.FromSeconds(5) },
            new FakeHost()));
        Assert.Equal("Auth0Unreachable", e.ErrorId);
        Assert.Equal(ErrorKind.ConnectionError, e.Kind);
    }

    [Fact]
    public void The_application_list_is_read_from_the_Management_API_when_a_client_id_is_given()
    {
        _server.ClientAllowedLogoutUrls[FakeAuth0Server.ConfidentialClient].Add("https://app.example.com/logged-out");
        _server.TenantAllowedLogoutUrls.Add("https://tenant.example.com/");
        var host = new FakeHost();

        var result = Test("https://app.example.com/logged-out", new TestAuth0LogoutUrlRequest { ManagementToken = Secure(FakeAuth0Server.ManagementToken) },
            FakeAuth0Server.ConfidentialClient, host);

        Assert.True(result.Accepted, result.Reason);
        Assert.Equal("https://app.example.com/logged-out", result.MatchedEntry);
        Assert.Equal("Application conf-cid", result.Source);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/api/v2/clients/conf-cid", request.Path);
        Assert.Equal("?fields=allowed_logout_urls&include_fields=true", request.Query);
        Assert.Equal("Bearer " + FakeAuth0Server.ManagementToken, request.Authorization);
        Assert.DoesNotContain(FakeAuth0Server.ManagementToken, host.AllText());
    }

    [Fact]
    public void The_tenant_list_is_read_when_no_client_id_is_given()
    {
        _server.TenantAllowedLogoutUrls.Add("https://tenant.example.com/");

        var result = Test("https://tenant.example.com", new TestAuth0LogoutUrlRequest { ManagementToken = Secure(FakeAuth0Server.ManagementToken) }, clientId: null);

        Assert.True(result.Accepted, result.Reason);
        Assert.Equal("Tenant", result.Source);
        Assert.Equal("/api/v2/tenants/settings", Assert.Single(_server.Requests).Path);
    }

    [Theory]
    [InlineData("bad-token", FakeAuth0Server.PublicClient, "ManagementApiUnauthorized", ErrorKind.AuthenticationError, "Invalid token")]
    [InlineData(FakeAuth0Server.NoScopeToken, FakeAuth0Server.PublicClient, "ManagementApiForbidden", ErrorKind.PermissionDenied, "read:clients")]
    [InlineData(FakeAuth0Server.ManagementToken, "missing-cid", "Auth0ApplicationNotFound", ErrorKind.ObjectNotFound, "has no application with client id 'missing-cid' (404: ")]
    public void Management_API_failures_are_clear_errors_without_the_token(string token, string clientId, string errorId, ErrorKind kind, string text)
    {
        var e = Assert.Throws<LogoutException>(() => Test("https://app.example.com/", new TestAuth0LogoutUrlRequest { ManagementToken = Secure(token) }, clientId));

        Assert.Equal(errorId, e.ErrorId);
        Assert.Equal(kind, e.Kind);
        Assert.Contains(text, e.Message);
        Assert.DoesNotContain(token, e.Message);
    }

    [Fact]
    public void A_revocation_request_prints_its_client_and_never_its_token()
    {
        var text = new RevokeAuth0RefreshTokenRequest("CID", Secure(RefreshToken)) { Domain = "acme.eu.auth0.com" }.ToString();

        Assert.Contains("CID", text);
        Assert.DoesNotContain(RefreshToken, text);
    }

    [Fact]
    public void Revocation_posts_client_id_secret_and_token_and_reports_success_without_echoing_them()
    {
        var host = new FakeHost();

        RevokeAuth0RefreshTokenOperation.Invoke(new Auth0Context(new RecordingBrowser()), new(FakeAuth0Server.ConfidentialClient, Secure(RefreshToken)) { BaseUri = _server.BaseUri, ClientSecret = Secure(FakeAuth0Server.ClientSecret) }, host);

        var revocation = Assert.IsType<Auth0TokenRevocation>(Assert.Single(host.Output));
        Assert.Equal(200, revocation.StatusCode);
        Assert.Equal(new[] { RefreshToken }, _server.RevokedTokens);
        var request = Assert.Single(_server.Requests);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("{\"client_id\":\"conf-cid\",\"client_secret\":\"S3cr3t-Client-Value\",\"token\":\"v1.MRrT-refresh-TOKEN-0c9d8e7f6a5b\",\"token_type_hint\":\"refresh_token\"}", request.Body);
        Assert.Single(host.ShouldProcessCalls);
        var all = host.AllText();
        Assert.DoesNotContain(RefreshToken, all);
        Assert.DoesNotContain(FakeAuth0Server.ClientSecret, all);
    }

    [Fact]
    public void Revocation_under_WhatIf_sends_nothing()
    {
        var host = new FakeHost { WhatIf = true };

        RevokeAuth0RefreshTokenOperation.Invoke(new Auth0Context(new RecordingBrowser()), new(FakeAuth0Server.PublicClient, Secure(RefreshToken)) { BaseUri = _server.BaseUri }, host);

        Assert.Empty(_server.Requests);
        Assert.Contains("Revoke", Assert.Single(host.WhatIfLines));
        Assert.DoesNotContain(RefreshToken, host.AllText());
    }

    [Theory]
    [InlineData(FakeAuth0Server.ConfidentialClient, "wrong-secret-value", "RevokeInvalidClient", ErrorKind.AuthenticationError, "invalid_client: Client authentication failed.")]
    [InlineData(FakeAuth0Server.ConfidentialClient, null, "RevokeInvalidClient", ErrorKind.AuthenticationError, "-ClientSecret")]
    [InlineData(FakeAuth0Server.EchoClient, FakeAuth0Server.ClientSecret, "RevokeInvalidRequest", ErrorKind.InvalidArgument, "invalid_request: Bad request body")]
    public void Revocation_failures_are_error_records_that_never_repeat_the_token_or_secret(string clientId, string? secret, string errorId, ErrorKind kind, string text)
    {
        var host = new FakeHost();

        RevokeAuth0RefreshTokenOperation.Invoke(new Auth0Context(new RecordingBrowser()), new(clientId, Secure(RefreshToken)) { BaseUri = _server.BaseUri, ClientSecret = secret is null ? null : Secure(secret) }, host);

        var error = Assert.Single(host.Errors);
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(kind, error.Kind);
        Assert.Contains(text, error.Message);
        Assert.Empty(host.Output);
        var all = host.AllText() + error.Exception?.ToString();
        Assert.DoesNotContain(RefreshToken, all);
        Assert.DoesNotContain(FakeAuth0Server.ClientSecret, all);
        Assert.DoesNotContain("wrong-secret-value", all);
    }

    [Fact]
    public async Task Disconnect_with_Wait_sees_the_browser_come_back_through_Auth0s_redirect()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var returnTo = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/logged-out";
        probe.Stop();
        _server.ClientAllowedLogoutUrls[FakeAuth0Server.PublicClient].Add(returnTo);
        var browser = new FollowingBrowser();
        var host = new FakeHost();

        DisconnectAuth0SessionOperation.Invoke(new Auth0Context(browser),
            new DisconnectAuth0SessionRequest { BaseUri = _server.BaseUri, ClientId = FakeAuth0Server.PublicClient, ReturnTo = returnTo, Wait = true, Timeout = TimeSpan.FromSeconds(20) }, host);

        var session = Assert.IsType<Auth0LogoutSession>(Assert.Single(host.Output));
        Assert.True(session.Returned);
        Assert.True(session.Waited);
        Assert.NotNull(session.ReturnedAfter);
        Assert.Empty(host.Errors);
        var (status, finalUri, body) = await browser.Navigation!;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(returnTo, finalUri.AbsoluteUri);
        Assert.Contains("signed out", body);
        Assert.Contains(_server.Requests, r => r.Path == "/v2/logout");
    }

    [Fact]
    public void Disconnect_with_Wait_on_a_free_port_builds_its_own_returnTo()
    {
        var browser = new RecordingBrowser();
        var host = new FakeHost();

        DisconnectAuth0SessionOperation.Invoke(new Auth0Context(browser),
            new DisconnectAuth0SessionRequest { BaseUri = _server.BaseUri, ClientId = FakeAuth0Server.PublicClient, Wait = true, Timeout = TimeSpan.FromMilliseconds(300) }, host);

        var opened = Assert.Single(browser.Opened).AbsoluteUri;
        Assert.Matches(@"returnTo=http%3A%2F%2F127\.0\.0\.1%3A\d+%2F$", opened);
        var error = Assert.Single(host.Errors);
        Assert.Equal("LogoutReturnTimeout", error.ErrorId);
        Assert.Equal(ErrorKind.OperationTimeout, error.Kind);
        Assert.Contains("did not come back", error.Message);
        Assert.False(Assert.IsType<Auth0LogoutSession>(Assert.Single(host.Output)).Returned);
    }

    [Fact]
    public async Task Disconnect_with_Wait_times_out_clearly_when_Auth0_rejects_the_returnTo()
    {
        var browser = new FollowingBrowser();
        var host = new FakeHost();

        DisconnectAuth0SessionOperation.Invoke(new Auth0Context(browser),
            new DisconnectAuth0SessionRequest { BaseUri = _server.BaseUri, ClientId = FakeAuth0Server.PublicClient, Wait = true, Timeout = TimeSpan.FromSeconds(1) }, host);

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Navigation!).Status);
        Assert.Equal("LogoutReturnTimeout", Assert.Single(host.Errors).ErrorId);
    }

    [Fact]
    public void Disconnect_under_WhatIf_opens_nothing_and_NoBrowser_only_emits_the_url()
    {
        var browser = new RecordingBrowser();
        var whatIf = new FakeHost { WhatIf = true };
        var request = new DisconnectAuth0SessionRequest { Domain = "acme.eu.auth0.com", ClientId = "CID", ReturnTo = "https://app.example.com/" };

        DisconnectAuth0SessionOperation.Invoke(new Auth0Context(browser), request, whatIf);
        var noBrowser = new FakeHost();
        DisconnectAuth0SessionOperation.Invoke(new Auth0Context(browser), request with { NoBrowser = true }, noBrowser);

        Assert.Empty(browser.Opened);
        Assert.Contains("https://acme.eu.auth0.com/v2/logout?client_id=CID&returnTo=https%3A%2F%2Fapp.example.com%2F", Assert.Single(whatIf.WhatIfLines));
        Assert.Empty(whatIf.Output);
        Assert.Equal("https://acme.eu.auth0.com/v2/logout?client_id=CID&returnTo=https%3A%2F%2Fapp.example.com%2F",
            Assert.IsType<Auth0LogoutUrl>(Assert.Single(noBrowser.Output)).GetUri().AbsoluteUri);
        Assert.Empty(noBrowser.ShouldProcessCalls);
    }

    [Fact]
    public void Disconnect_opens_the_url_once_and_never_shows_the_id_token()
    {
        const string idToken = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1MSJ9.SECRET-SIG";
        var browser = new RecordingBrowser();
        var host = new FakeHost();

        DisconnectAuth0SessionOperation.Invoke(new Auth0Context(browser),
            new DisconnectAuth0SessionRequest { Domain = "acme.eu.auth0.com", Endpoint = Auth0LogoutEndpoint.Oidc, IdTokenHint = Secure(idToken) }, host);

        Assert.Contains(idToken, Assert.Single(browser.Opened).AbsoluteUri);
        Assert.Single(host.ShouldProcessCalls);
        Assert.DoesNotContain(idToken, host.AllText());
    }

    [Theory]
    [InlineData("https://app.example.com/bye")]
    [InlineData("http://192.168.1.2:3000/bye")]
    public void Wait_needs_a_loopback_http_returnTo(string returnTo)
    {
        var host = new FakeHost();
        var browser = new RecordingBrowser();

        DisconnectAuth0SessionOperation.Invoke(new Auth0Context(browser),
            new DisconnectAuth0SessionRequest { Domain = "acme.eu.auth0.com", ReturnTo = returnTo, Wait = true }, host);

        var error = Assert.Single(host.Errors);
        Assert.Equal("WaitNeedsLoopbackReturnTo", error.ErrorId);
        Assert.Equal(returnTo, error.TargetObject);
        Assert.Empty(browser.Opened);
        Assert.Empty(host.Output);
    }

    [Fact]
    public void Wait_and_NoBrowser_together_are_refused()
        => Assert.Equal("WaitWithNoBrowser", Assert.Throws<LogoutException>(() => DisconnectAuth0SessionOperation.Invoke(new Auth0Context(new RecordingBrowser()),
            new DisconnectAuth0SessionRequest { Domain = "acme.eu.auth0.com", Wait = true, NoBrowser = true }, new FakeHost())).ErrorId);
}
