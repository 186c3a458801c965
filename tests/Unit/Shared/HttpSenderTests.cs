using LogoutModule.Core.Shared.Http;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Shared;

public sealed class HttpSenderTests
{
    // codex sends exactly "application/json" (codex-cli.md §4); sf's and Auth0's revocations post forms or JSON.
    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-www-form-urlencoded")]
    public void The_body_goes_with_exactly_the_given_content_type_and_no_added_charset(string contentType)
    {
        using var server = new LoopbackServer();

        HttpSender.Send(new HttpRequest("POST", new Uri(server.BaseUrl + "/revoke")) { Body = "token=x%C3%A9", ContentType = contentType });

        var request = Assert.Single(server.Requests);
        Assert.Equal(contentType, request.Headers["Content-Type"]);
        Assert.Equal("token=x%C3%A9"u8.ToArray(), request.Body);
    }
}
