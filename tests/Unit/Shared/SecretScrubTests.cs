using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Salesforce;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Shared;

/// <summary>
/// Issue #10 fault 1: a revocation server's error text that echoes the posted token put the decrypted refresh token into
/// Disconnect-Org -Revoke's RevocationReason and warning, and a form-encoded echo (%2F %2B %3D) escaped the Auth0 scrubber.
/// One scrubber serves every server text, in every spelling a server may use.
/// </summary>
public sealed class SecretScrubTests
{
    private const string Token = "5Aep861/a+b=c d\"e\\f";

    public static TheoryData<string> Spellings => new()
    {
        Token,                                                   // raw
        Uri.EscapeDataString(Token),                             // form-encoded, upper-case hex
        Uri.EscapeDataString(Token).ToLowerInvariant().Replace("5aep", "5Aep"), // lower-case hex
        Uri.EscapeDataString(Token).Replace("%20", "+"),         // '+' for a space
        "5Aep861\\/a\\u002Bb\\u003dc d\\\"e\\\\f",               // JSON-escaped, mixed hex case
        "5Aep861%2Fa\\u002bb=c+d\"e\\f",                         // mixed within one echo
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Every_spelling_of_a_secret_is_scrubbed_and_nothing_else_changes(string echoed)
    {
        var text = $"invalid_token {echoed} (line 1)";

        Assert.Equal("invalid_token *** (line 1)", SecretText.Scrub(text, Token));
    }

    [Fact]
    public void Text_without_the_secret_is_unchanged()
    {
        Assert.Equal("5Aep861/a+b=c", SecretText.Scrub("5Aep861/a+b=c", Token));
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("form")]
    [InlineData("json")]
    public void A_salesforce_revocation_answer_echoing_the_token_never_shows_it(string spelling)
    {
        using var home = SfHome.FromFixture();
        var secrets = home.DecryptedSecrets();
        using var server = new LoopbackServer(request =>
        {
            var token = Uri.UnescapeDataString(request.BodyText.Substring("token=".Length));
            var echoed = spelling switch
            {
                "raw" => token,
                "form" => Uri.EscapeDataString(token),
                _ => token.Replace("/", "\\/").Replace("+", "\\u002B").Replace("=", "\\u003d"),
            };
            return new LoopbackResponse(400, "{\"error\":\"invalid_token " + echoed + "\"}");
        });
        DisconnectOrgTests.PointAt(home, "user1@fixture1.example.com", server.BaseUrl);
        var host = new FakeHost();

        var results = DisconnectOrgTests.LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1" } }], Force = true, Revoke = true }, host);

        var shown = host.AllText() + string.Join("\n", results.Select(r => r.RevocationReason));
        Assert.Contains("HTTP 400 invalid_token ***", shown);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, shown));
    }
}
