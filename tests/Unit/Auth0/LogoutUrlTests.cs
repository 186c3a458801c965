using System.Text.Json.Nodes;
using LogoutModule.Core.Auth0;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Auth0;

/// <summary>Get-Auth0LogoutUrl builds exactly the URLs auth0.js builds, and refuses anything that could send the browser elsewhere.</summary>
public sealed class LogoutUrlTests
{
    private static readonly JsonNode Cases = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "auth0-logout-url-cases.json")))!;

    public static IEnumerable<object[]> ModuleUrls() => Cases["module_urls"]!.AsArray().Select(c => new object[]
    {
        (string)c!["domain"]!, c["client_id"]?.GetValue<string>()!, (string)c["returnTo"]!, (bool)c["federated"]!, (string)c["url"]!,
    });

    public static IEnumerable<object[]> Encodings() => Cases["encoding"]!.AsArray().Select(c => new object[] { (string)c!["returnTo"]!, (string)c["escape_data_string"]! });

    private static Auth0LogoutUrl Get(GetAuth0LogoutUrlRequest request)
    {
        var host = new FakeHost();
        GetAuth0LogoutUrlOperation.Invoke(new Auth0Context(new RecordingBrowser()), request, host);
        return Assert.IsType<Auth0LogoutUrl>(Assert.Single(host.Output));
    }

    // A bad value is the item's non-terminating error: nothing is emitted, the caller's pipeline goes on.
    private static LogoutError Error(GetAuth0LogoutUrlRequest request)
    {
        var host = new FakeHost();
        GetAuth0LogoutUrlOperation.Invoke(new Auth0Context(new RecordingBrowser()), request, host);
        Assert.Empty(host.Output);
        return Assert.Single(host.Errors);
    }

    [Theory]
    [MemberData(nameof(ModuleUrls))]
    public void Every_module_url_of_the_fixture_is_built_byte_for_byte(string domain, string? clientId, string returnTo, bool federated, string expected)
    {
        var url = Get(new GetAuth0LogoutUrlRequest { Domain = domain, ClientId = clientId, ReturnTo = returnTo, Federated = federated });

        Assert.Equal(expected, url.GetUri().AbsoluteUri);
        Assert.Equal(expected, url.GetUri().OriginalString);
        Assert.Equal(expected, url.ToString());
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void ReturnTo_is_encoded_once_exactly_as_auth0_js_encodes_it(string returnTo, string encoded)
    {
        var url = Get(new GetAuth0LogoutUrlRequest { Domain = "example.us.auth0.com", ReturnTo = returnTo });

        Assert.Equal("https://example.us.auth0.com/v2/logout?returnTo=" + encoded, url.GetUri().AbsoluteUri);
    }

    [Fact]
    public void The_auth0_js_pinned_url_is_reproduced()
    {
        var pinned = (string)Cases["sdk_pinned_urls"]![0]!["url"]!;

        var url = Get(new GetAuth0LogoutUrlRequest { Domain = "me.auth0.com", ClientId = "123", ReturnTo = "http://page.com", Federated = true });

        Assert.Equal(pinned, url.GetUri().AbsoluteUri);
    }

    [Fact]
    public void Federated_is_a_bare_flag_and_never_federated_false()
    {
        var on = Get(new GetAuth0LogoutUrlRequest { Domain = "acme.eu.auth0.com", Federated = true });
        var off = Get(new GetAuth0LogoutUrlRequest { Domain = "acme.eu.auth0.com", ClientId = "CID" });

        Assert.Equal("https://acme.eu.auth0.com/v2/logout?federated", on.GetUri().AbsoluteUri);
        Assert.Equal("https://acme.eu.auth0.com/v2/logout?client_id=CID", off.GetUri().AbsoluteUri);
        Assert.DoesNotContain("federated", off.GetUri().AbsoluteUri);
    }

    [Fact]
    public void Oidc_uses_oidc_logout_with_its_own_parameter_names_and_hides_the_id_token_when_shown()
    {
        const string idToken = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJDSUQifQ.c2lnbmF0dXJlLXNlY3JldA";
        var url = Get(new GetAuth0LogoutUrlRequest
        {
            Domain = "acme.eu.auth0.com", Endpoint = Auth0LogoutEndpoint.Oidc, ClientId = "CID", IdTokenHint = new System.Net.NetworkCredential("", idToken).SecurePassword, LogoutHint = "sid 1",
            ReturnTo = "https://app.example.com/bye?x=1", State = "s/1", UiLocales = "fr-CA en", Federated = true,
        });

        Assert.Equal("https://acme.eu.auth0.com/oidc/logout?client_id=CID&id_token_hint=" + idToken + "&logout_hint=sid%201"
            + "&post_logout_redirect_uri=https%3A%2F%2Fapp.example.com%2Fbye%3Fx%3D1&state=s%2F1&ui_locales=fr-CA%20en&federated", url.GetUri().AbsoluteUri);
        Assert.DoesNotContain(idToken, url.ToString());
        Assert.DoesNotContain(idToken, url.Url);
        Assert.DoesNotContain(idToken, FakeHost.ObjectText(url)); // no property carries it: only GetUri() does
        Assert.Contains("id_token_hint=***", url.Url);
    }

    [Fact]
    public void Oidc_only_parameters_without_Oidc_are_refused()
    {
        var e = Error(new GetAuth0LogoutUrlRequest { Domain = "acme.eu.auth0.com", State = "x" });
        Assert.Equal("OidcParameterWithoutOidc", e.ErrorId);
    }

    [Theory]
    [InlineData("https://acme.eu.auth0.com", "contains a scheme")]
    [InlineData("acme.eu.auth0.com/v2/logout", "contains a path")]
    [InlineData("acme.eu.auth0.com:8443", "contains a port")]
    [InlineData("user@acme.eu.auth0.com", "contains user info")]
    [InlineData("evil.example@acme.eu.auth0.com", "contains user info")]
    [InlineData("acme.eu.auth0.com\r\nSet-Cookie: x=1", "whitespace or control")]
    [InlineData(" acme.eu.auth0.com", "whitespace or control")]
    [InlineData("acme.eu.auth0.com?x=1", "contains a path, query")]
    [InlineData("acme.eu.auth0.com#x", "contains a path, query")]
    [InlineData("acme..auth0.com", "not a valid host name")]
    [InlineData("-acme.auth0.com", "not a valid host name")]
    [InlineData("acme_eu.auth0.com", "not a valid host name")]
    [InlineData("localhost", "not a valid host name")]
    [InlineData("", "is empty")]
    public void Hostile_or_mistaken_domains_are_refused_with_a_clear_reason(string domain, string reason)
    {
        var e = Error(new GetAuth0LogoutUrlRequest { Domain = domain, ReturnTo = "https://app.example.com/" });

        Assert.Equal("InvalidAuth0Domain", e.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Contains(reason, e.Message);
        Assert.DoesNotContain("\r", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public void Domains_are_host_names_lower_cased()
        => Assert.Equal("https://acme.eu.auth0.com/v2/logout", Get(new GetAuth0LogoutUrlRequest { Domain = "ACME.eu.Auth0.com" }).GetUri().AbsoluteUri);

    [Theory]
    [InlineData("javascript:alert(1)", "'javascript' scheme")]
    [InlineData("JavaScript://app.example.com/%0aalert(1)", "'javascript' scheme")]
    [InlineData("data:text/html,hi", "'data' scheme")]
    [InlineData("file:///etc/passwd", "'file' scheme")]
    [InlineData("https://app.example.com/\r\nLocation: https://evil.example", "control characters")]
    [InlineData("https://app.example.com/\nx", "control characters")]
    [InlineData("https://app.example.com@evil.example/", "user info")]
    [InlineData("https://user:pw@app.example.com/", "user info")]
    [InlineData("/relative/path", "not an absolute URL")]
    [InlineData("//evil.example/", "not an absolute URL")]
    [InlineData(" https://app.example.com/", "whitespace")]
    public void Hostile_returnTo_values_are_refused(string returnTo, string reason)
    {
        var e = Error(new GetAuth0LogoutUrlRequest { Domain = "acme.eu.auth0.com", ReturnTo = returnTo });

        Assert.Equal("InvalidReturnTo", e.ErrorId);
        Assert.Contains(reason, e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080/v2/logout")]
    [InlineData("http://localhost:8080", "http://localhost:8080/v2/logout")]
    [InlineData("http://[::1]:8080/", "http://[::1]:8080/v2/logout")]
    [InlineData("https://auth.gateway.example/tenant/", "https://auth.gateway.example/tenant/v2/logout")]
    public void BaseUri_points_at_a_loopback_test_server_or_an_https_gateway(string baseUri, string expected)
        => Assert.Equal(expected, Get(new GetAuth0LogoutUrlRequest { BaseUri = new Uri(baseUri) }).GetUri().AbsoluteUri);

    [Theory]
    [InlineData("http://acme.eu.auth0.com/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://127.0.0.1.evil.example/")]
    [InlineData("https://user:pw@acme.eu.auth0.com/")]
    [InlineData("https://acme.eu.auth0.com/?x=1")]
    public void BaseUri_refuses_plain_http_off_loopback_user_info_and_queries(string baseUri)
    {
        var e = Error(new GetAuth0LogoutUrlRequest { BaseUri = new Uri(baseUri) });
        Assert.Equal("InvalidBaseUri", e.ErrorId);
    }

    [Fact]
    public void Without_a_domain_or_base_uri_the_error_says_what_to_give()
        => Assert.Equal("DomainRequired", Error(new GetAuth0LogoutUrlRequest()).ErrorId);
}
