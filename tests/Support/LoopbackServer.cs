using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LogoutModule.Tests.Support;

/// <summary>
/// An HTTP/1.1 server on 127.0.0.1 that records every request and answers through a handler; the only kind of server
/// the unit tests contact. It binds port 0 itself: HttpListener cannot, and a "free port" found beforehand can be taken
/// by a parallel test in between (HttpListener then even shares it inside this process).
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RecordedRequest, LoopbackResponse> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Answers every request with <see cref="Status"/> and an empty body.</summary>
    public LoopbackServer(int status = 200) : this(null, status) { }

    /// <summary>Answers each request with what <paramref name="respond"/> returns.</summary>
    public LoopbackServer(Func<RecordedRequest, LoopbackResponse> respond) : this(respond, 200) { }

    private LoopbackServer(Func<RecordedRequest, LoopbackResponse>? respond, int status)
    {
        Status = status;
        _respond = respond ?? (_ => new LoopbackResponse(Status));
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _loop = Task.Run(Serve);
    }

    /// <summary>http://127.0.0.1:port, without a trailing slash.</summary>
    public string BaseUrl { get; }
    public Uri BaseUri => new(BaseUrl + "/");
    public int Status { get; set; }

    /// <summary>How long each connection waits before it is read and answered (a slow or silent server); cut short by Dispose.</summary>
    public TimeSpan Delay { get; set; }
    public List<RecordedRequest> Requests { get; } = new();

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            _ = Task.Run(async () =>
            {
                if (Delay > TimeSpan.Zero)
                {
                    try { await Task.Delay(Delay, _stop.Token); }
                    catch (OperationCanceledException) { client.Dispose(); return; }
                }
                try { Answer(client); }
                catch (IOException) { } // the client gave up (timeout, cancellation)
            });
        }
    }

    private void Answer(TcpClient client)
    {
        using (client)
        using (var stream = client.GetStream())
        {
            var request = Read(stream);
            if (request is null) return;
            lock (Requests) Requests.Add(request);
            var response = _respond(request);
            var head = new StringBuilder($"HTTP/1.1 {response.Status} {((HttpStatusCode)response.Status)}\r\n");
            var body = Encoding.UTF8.GetBytes(response.Body);
            foreach (var header in response.Headers ?? new Dictionary<string, string>()) head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            head.Append("Content-Length: ").Append(body.Length).Append("\r\nConnection: close\r\n\r\n");
            var headBytes = Encoding.ASCII.GetBytes(head.ToString());
            stream.Write(headBytes);
            stream.Write(body);
        }
    }

    /// <summary>Reads one request: request line, headers, and a Content-Length body (what HttpClient sends).</summary>
    private static RecordedRequest? Read(NetworkStream stream)
    {
        var buffer = new List<byte>();
        while (!EndsWithBlankLine(buffer))
        {
            var next = stream.ReadByte();
            if (next < 0) return null;
            buffer.Add((byte)next);
        }
        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(line => line.Split(':', 2))
            .GroupBy(parts => parts[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => string.Join(", ", group.Select(parts => parts[1].Trim())), StringComparer.OrdinalIgnoreCase);
        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length) : 0];
        stream.ReadExactly(body);
        var target = requestLine[1];
        var queryStart = target.IndexOf('?');
        return queryStart < 0
            ? new RecordedRequest(requestLine[0], target, headers, body)
            : new RecordedRequest(requestLine[0], target.Substring(0, queryStart), headers, body, target.Substring(queryStart));
    }

    private static bool EndsWithBlankLine(List<byte> buffer)
        => buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n';

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}

/// <summary>One request as received; Query keeps its leading "?" (empty when there is none).</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, string Query = "")
{
    public string BodyText => Encoding.UTF8.GetString(Body);
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

public sealed record LoopbackResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null);
