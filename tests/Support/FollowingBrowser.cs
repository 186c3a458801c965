using System.Net;
using LogoutModule.Core.Auth0;

namespace LogoutModule.Tests.Support;

/// <summary>
/// Plays the user's browser for -Wait tests: opening a URL starts a navigation in the background (as a real browser does,
/// so the cmdlet can go on to wait) that follows redirects to wherever the server sends it.
/// </summary>
public sealed class FollowingBrowser : IBrowserLauncher
{
    public List<Uri> Opened { get; } = new();
    public Task<(HttpStatusCode Status, Uri FinalUri, string Body)>? Navigation { get; private set; }

    public void Open(Uri uri)
    {
        Opened.Add(uri);
        Navigation = Task.Run(async () =>
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true }) { Timeout = TimeSpan.FromSeconds(20) };
            using var response = await client.GetAsync(uri);
            return (response.StatusCode, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());
        });
    }
}

/// <summary>Records what would have been opened, and opens nothing.</summary>
public sealed class RecordingBrowser : IBrowserLauncher
{
    public List<Uri> Opened { get; } = new();
    public void Open(Uri uri) => Opened.Add(uri);
}
