using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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

        HttpSender.Send(new HttpRequest("POST", new Uri(server.BaseUrl + "/revoke")) { Body = "token=x%C3%A9", ContentType = contentType }, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(contentType, request.Headers["Content-Type"]);
        Assert.Equal("token=x%C3%A9"u8.ToArray(), request.Body);
    }

    // Ctrl+C fires the cmdlet's token: the call ends at once, well before its own time limit, and is not a timeout.
    [Fact]
    public void A_cancelled_send_ends_at_once_with_OperationCanceledException_whatever_the_time_limit()
    {
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            var uri = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/revoke");
            var clock = Stopwatch.StartNew();

            Assert.ThrowsAny<OperationCanceledException>(() => HttpSender.Send(new HttpRequest("GET", uri) { Timeout = TimeSpan.FromMinutes(5) }, stop.Token));

            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public void A_server_that_never_answers_is_a_timeout_naming_the_limit_when_nothing_is_cancelled()
    {
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var uri = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/revoke?token=secret");

            var e = Assert.Throws<HttpSendException>(() => HttpSender.Send(new HttpRequest("GET", uri) { Timeout = TimeSpan.FromSeconds(1) }, CancellationToken.None));

            Assert.Contains("got no answer within 1 seconds", e.Message);
            Assert.DoesNotContain("secret", e.Message);
        }
        finally
        {
            silent.Stop();
        }
    }
}
