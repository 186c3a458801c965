using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LogoutModule.Core.Auth0;

/// <summary>
/// A one-shot local HTTP endpoint used as the returnTo of -Wait: when the browser lands on it, the logout round trip
/// is complete. A TcpListener works the same on every platform and needs no URL reservation on Windows.
/// </summary>
public sealed class LoopbackReturnListener : IDisposable
{
    private const string Page = "<!doctype html><meta charset=\"utf-8\"><title>Signed out</title><p>You are signed out of Auth0. You can close this window.</p>";
    private readonly TcpListener _listener;
    private readonly string _path;

    private LoopbackReturnListener(TcpListener listener, string returnTo, string path)
    {
        _listener = listener;
        ReturnTo = returnTo;
        _path = path;
    }

    /// <summary>The URL to pass as returnTo; it must also be in the Allowed Logout URLs.</summary>
    public string ReturnTo { get; }

    /// <summary>
    /// Listens on the loopback returnTo given (http, 127.0.0.1/localhost/[::1], with its port and path),
    /// or on http://127.0.0.1:{free port}/ when none is given.
    /// </summary>
    public static LoopbackReturnListener Start(string? returnTo)
    {
        if (returnTo is null)
        {
            var any = new TcpListener(IPAddress.Loopback, 0);
            any.Start();
            return new LoopbackReturnListener(any, $"http://127.0.0.1:{((IPEndPoint)any.LocalEndpoint).Port}/", "/");
        }

        ReturnToUrl.Validate(returnTo);
        var uri = new Uri(returnTo);
        if (uri.Scheme != Uri.UriSchemeHttp || !Auth0Address.IsLoopback(uri))
            throw Auth0Errors.WaitNeedsLoopbackReturnTo(returnTo);
        var listener = new TcpListener(uri.Host == "[::1]" ? IPAddress.IPv6Loopback : IPAddress.Loopback, uri.Port);
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            throw Auth0Errors.ReturnListenerUnavailable(returnTo, uri.Authority, e);
        }
        return new LoopbackReturnListener(listener, returnTo, UrlParts.TryParse(returnTo)!.Path);
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the browser to request the returnTo path and returns that request target
    /// (path and query), or null when the time is up; answers other paths (favicon…) with 404. Throws
    /// OperationCanceledException within about 50 ms of <paramref name="cancellation"/> (Ctrl+C) firing.
    /// </summary>
    public string? WaitForReturn(TimeSpan timeout, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            cancellation.ThrowIfCancellationRequested();
            if (!_listener.Pending())
            {
                Thread.Sleep(50);
                continue;
            }
            using var client = _listener.AcceptTcpClient();
            // A client that connects and sends nothing would otherwise hold Ctrl+C for the whole read timeout.
            using (cancellation.Register(client.Close))
            {
                var target = Answer(client);
                if (target is not null) return target;
            }
        }
        return null;
    }

    /// <summary>Reads one request head and answers it; returns the request target when it is the returnTo path.</summary>
    private string? Answer(TcpClient client)
    {
        client.ReceiveTimeout = 5000;
        client.SendTimeout = 5000;
        var stream = client.GetStream();
        var head = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (head.Length < 16384 && head.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal) < 0)
            {
                var read = stream.Read(buffer, 0, buffer.Length);
                if (read == 0) break;
                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return null;
        }

        var requestLine = head.ToString().Split('\n')[0].Trim().Split(' ');
        var target = requestLine.Length >= 2 && requestLine[0] == "GET" ? requestLine[1] : null;
        var path = target?.Split('?')[0];
        var isReturn = path == _path;
        var body = Encoding.UTF8.GetBytes(isReturn ? Page : "Not found");
        var response = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {(isReturn ? "200 OK" : "404 Not Found")}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        try
        {
            stream.Write(response, 0, response.Length);
            stream.Write(body, 0, body.Length);
        }
        catch (IOException)
        {
            // The browser went away after asking; its arrival still counts.
        }
        return isReturn ? target : null;
    }

    public void Dispose() => _listener.Stop();
}
