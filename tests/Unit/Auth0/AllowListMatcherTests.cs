using System.Text.Json.Nodes;
using LogoutModule.Core.Auth0;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Auth0;

/// <summary>Test-Auth0LogoutUrl's offline check applies Auth0's documented Allowed Logout URL rules.</summary>
public sealed class AllowListMatcherTests
{
    private static readonly JsonNode Cases = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "auth0-allowed-logout-url-cases.json")))!;
    private static readonly string[] Allowed = Cases["allowed_logout_urls"]!.AsArray().Select(u => (string)u!).ToArray();

    public static IEnumerable<object[]> MatchCases() => Cases["cases"]!.AsArray().Select(c => new object[]
    {
        (string)c!["returnTo"]!, (string)c["endpoint"]!, (bool)c["match"]!, (string)c["why"]!,
    });

    public static IEnumerable<object[]> InvalidEntries() => Cases["invalid_entries"]!.AsArray().Select(c => new object[] { (string)c!["entry"]!, (string)c["why"]! });

    private static Auth0LogoutUrlTest Check(string returnTo, IReadOnlyList<string> allowed, Auth0LogoutEndpoint endpoint = Auth0LogoutEndpoint.V2, FakeHost? host = null)
    {
        host ??= new FakeHost();
        TestAuth0LogoutUrlOperation.Invoke(new Auth0Context(new RecordingBrowser()),
            new TestAuth0LogoutUrlRequest { Domain = "acme.eu.auth0.com", Endpoint = endpoint, ReturnTo = returnTo, AllowedLogoutUrls = allowed }, host);
        return Assert.IsType<Auth0LogoutUrlTest>(Assert.Single(host.Output));
    }

    [Theory]
    [MemberData(nameof(MatchCases))]
    public void Every_fixture_case_is_decided_as_documented(string returnTo, string endpoint, bool match, string why)
    {
        var result = Check(returnTo, Allowed, endpoint == "oidc" ? Auth0LogoutEndpoint.Oidc : Auth0LogoutEndpoint.V2);

        Assert.True(match == result.Accepted, $"{returnTo} ({endpoint}): expected match={match} because {why}; got: {result.Reason}");
        Assert.Equal(match, result.MatchedEntry is not null);
        Assert.Equal("AllowedLogoutUrl", result.Source);
        Assert.Null(result.StatusCode);
    }

    [Theory]
    [MemberData(nameof(InvalidEntries))]
    public void Every_invalid_fixture_entry_is_refused_with_its_reason(string entry, string why)
    {
        Assert.Null(AllowedLogoutUrl.TryParse(entry, out var problem));
        Assert.False(string.IsNullOrEmpty(problem), why);
    }

    [Fact]
    public void Invalid_entries_are_skipped_with_a_warning_and_never_match()
    {
        var host = new FakeHost();
        var result = Check("https://a.example.com", new[] { "*.example.com", "https://*.com" }, host: host);

        Assert.False(result.Accepted);
        Assert.Equal(2, host.Warnings.Count);
        Assert.Contains("scheme", host.Warnings[0]);
        Assert.Contains("top-level", host.Warnings[1]);
    }

    [Fact]
    public void The_matched_entry_and_the_reason_are_reported()
    {
        var result = Check("https://pre-42-suf.example.net/x", Allowed);

        Assert.Equal("https://pre-*-suf.example.net/x", result.MatchedEntry);
        Assert.Contains("matches", result.Reason);
        Assert.Null(result.Hint);
    }

    [Fact]
    public void A_trailing_slash_near_miss_gets_a_hint()
    {
        var result = Check("https://app.example.com/logged-out/", Allowed);

        Assert.False(result.Accepted);
        Assert.Contains("trailing slash", result.Hint);
        Assert.Contains("https://app.example.com/logged-out'", result.Hint);
    }

    [Theory]
    [InlineData("https://app.example.com/Logged-Out", "letter case")]
    [InlineData("https://app.example.com:8443/logged-out", "port")]
    [InlineData("https://app.example.com/logged%2Dout", "already percent-encoded")]
    public void Other_near_misses_are_explained(string returnTo, string hint)
        => Assert.Contains(hint, Check(returnTo, Allowed).Hint);

    // auth0/docs#2474: the caller encoded the returnTo before the builder encoded it again.
    [Fact]
    public void A_fully_encoded_returnTo_is_refused_as_already_encoded_not_as_not_absolute()
    {
        var host = new FakeHost();

        TestAuth0LogoutUrlOperation.Invoke(new Auth0Context(new RecordingBrowser()),
            new TestAuth0LogoutUrlRequest { Domain = "acme.eu.auth0.com", ReturnTo = "https%3A%2F%2Fapp.example.com%2Flogged-out", AllowedLogoutUrls = Allowed }, host);

        var e = Assert.Single(host.Errors);
        Assert.Equal("InvalidReturnTo", e.ErrorId);
        Assert.Equal("https%3A%2F%2Fapp.example.com%2Flogged-out", e.TargetObject);
        Assert.Contains("already percent-encoded", e.Message);
        Assert.DoesNotContain("absolute", e.Message);
    }

    [Fact]
    public void An_encoded_value_in_the_query_is_legitimate_and_gets_no_encoding_hint()
    {
        var result = Check("https://app.example.com/logged-out/?next=https%3A%2F%2Fx", Allowed);

        Assert.False(result.Accepted);
        Assert.Contains("trailing slash", result.Hint);
        Assert.True(Check("https://app.example.com/logged-out?next=https%3A%2F%2Fx", Allowed).Accepted);
        Assert.Null(Check("https://app.example.com/elsewhere?next=https%3A%2F%2Fx", Allowed).Hint);
    }

    [Fact]
    public void Oidc_does_not_honour_wildcards_but_needs_exact_queries()
    {
        Assert.False(Check("https://a.example.org", Allowed, Auth0LogoutEndpoint.Oidc).Accepted);
        Assert.Contains("wildcard", Check("https://a.example.org", Allowed, Auth0LogoutEndpoint.Oidc).Hint);
        Assert.True(Check("https://app.example.com/logged-out?x=1", new[] { "https://app.example.com/logged-out?x=1" }, Auth0LogoutEndpoint.Oidc).Accepted);
        Assert.Contains("exact", Check("https://app.example.com/logged-out?x=1", Allowed, Auth0LogoutEndpoint.Oidc).Hint);
    }

    [Fact]
    public void An_empty_list_accepts_nothing()
        => Assert.Contains("empty", Check("https://app.example.com/", Array.Empty<string>()).Reason);

    [Fact]
    public void ReturnTo_is_required()
    {
        var e = Assert.Throws<LogoutException>(() => TestAuth0LogoutUrlOperation.Invoke(new Auth0Context(new RecordingBrowser()),
            new TestAuth0LogoutUrlRequest { Domain = "acme.eu.auth0.com", AllowedLogoutUrls = Allowed }, new FakeHost()));
        Assert.Equal("ReturnToRequired", e.ErrorId);
    }
}
