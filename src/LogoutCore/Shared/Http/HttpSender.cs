using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace LogoutModule.Core.Shared.Http;

/// <summary>
/// A small synchronous HTTP client for cmdlets: no cookies ever (a logout probe must not carry a session),
/// never following a redirect (the probe reads the Location itself), a time limit, and failures as HttpSendException with a message free of secrets.
/// </summary>
public static class HttpSender
{
    /// <summary>
    /// Sends the request and reads the whole answer. Throws HttpSendException when the server is unreachable or does not
    /// answer within request.Timeout, and OperationCanceledException as soon as <paramref name="cancellation"/> fires
    /// (the cmdlet's Ctrl+C), whatever the time limit.
    /// </summary>
    public static HttpResult Send(HttpRequest request, CancellationToken cancellation) => SendAsync(request, cancellation).GetAwaiter().GetResult();

    /// <summary>
    /// <see cref="Send"/> without holding a thread while the server thinks, so many requests can wait at once
    /// (Disconnect-Org's concurrent revocations). Same results and exceptions.
    /// </summary>
    public static async Task<HttpResult> SendAsync(HttpRequest request, CancellationToken cancellation)
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { Timeout = request.Timeout };
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Uri);
        if (request.BearerToken is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.BearerToken);
        foreach (var header in request.Headers ?? new Dictionary<string, string>()) message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8);
            // Exactly the given type: StringContent would append "; charset=utf-8", which codex, sf and auth0 clients don't send.
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        }
        try
        {
            // The default completion option reads the body inside SendAsync, so the token covers the whole exchange.
            using var response = await client.SendAsync(message, cancellation).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return new HttpResult((int)response.StatusCode, response.Headers.Location?.OriginalString, body);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (TaskCanceledException e)
        {
            throw new HttpSendException($"{request.Method} {Describe(request.Uri)} got no answer within {request.Timeout.TotalSeconds:0} seconds.", e);
        }
        catch (HttpRequestException e)
        {
            throw new HttpSendException($"{request.Method} {Describe(request.Uri)} failed: {e.GetBaseException().Message}", e);
        }
    }

    /// <summary>The address without user info and query, which may carry credentials, hints or tokens.</summary>
    public static string Describe(Uri uri) => new UriBuilder(uri) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri.GetLeftPart(UriPartial.Path);
}
