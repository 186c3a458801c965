namespace LogoutModule.Core.Shared.Http;

/// <summary>What came back: the status, the Location header and the body text.</summary>
public sealed class HttpResult
{
    public HttpResult(int statusCode, string? location, string body)
    {
        StatusCode = statusCode;
        Location = location;
        Body = body;
    }

    public int StatusCode { get; }
    public string? Location { get; }
    public string Body { get; }
}
