namespace LogoutModule.Core.Shared;

/// <summary>
/// One progress activity for the length of a wait (an HTTP exchange, a loop of them): a record when it starts, more
/// through <see cref="Update"/>, and a Completed record when disposed, whether the wait succeeded or failed. Statuses
/// name what is waited for (a server's host name, an org's username), never a token or secret.
/// </summary>
public sealed class ProgressScope : IDisposable
{
    private readonly IHostInteraction _host;
    private readonly int _activityId;
    private readonly string _activity;

    /// <summary>Shows <paramref name="activity"/> with <paramref name="status"/>; percentComplete -1 means unknown (PowerShell's convention).</summary>
    public ProgressScope(IHostInteraction host, int activityId, string activity, string status, int percentComplete = -1)
    {
        (_host, _activityId, _activity) = (host, activityId, activity);
        Update(status, percentComplete);
    }

    /// <summary>Replaces the status and percentage (0-100, or -1 for unknown).</summary>
    public void Update(string status, int percentComplete = -1) => _host.WriteProgress(new ProgressUpdate(_activityId, _activity, status, percentComplete));

    public void Dispose()
    {
        // A stopped pipeline (Ctrl+C) clears its own progress and refuses further writes.
        if (!_host.Stopping.IsCancellationRequested) _host.WriteProgress(new ProgressUpdate(_activityId, _activity, "Done", 100, Completed: true));
    }
}
