namespace LogoutModule.Core.Shared.Http;

/// <summary>One HTTP request: the method, address, optional bearer token and body. The token and body are never logged.</summary>
public sealed class HttpRequest
{
    public HttpRequest(string method, Uri uri)
    {
        Method = method;
        Uri = uri;
    }

    public string Method { get; }
    public Uri Uri { get; }
    public string? BearerToken { get; init; }
    public string? Body { get; init; }
    /// <summary>The Content-Type header of the body, sent exactly as given (no charset is added).</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Extra request headers, e.g. codex's originator and User-Agent.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
