namespace LogoutModule.Core.Shared.Http;

/// <summary>An HTTP request that got no answer (unreachable, timed out); the message names no secret.</summary>
public sealed class HttpSendException : Exception
{
    public HttpSendException(string message, Exception inner) : base(message, inner) { }
}
