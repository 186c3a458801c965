namespace LogoutModule.Core.Shared;

/// <summary>
/// PowerShell's rule for pipeline input: a bad value in one item is that item's non-terminating error (it respects
/// -ErrorAction, and the next item still runs); only an error that makes the whole call meaningless terminates.
/// </summary>
internal static class ItemErrors
{
    /// <summary>
    /// Runs one item's checks and returns their result, or writes the LogoutException they throw as a non-terminating
    /// error (same id, category and target, usually the offending value) and returns null.
    /// </summary>
    public static T? Try<T>(IHostInteraction host, Func<T> check) where T : class
    {
        try
        {
            return check();
        }
        catch (LogoutException e)
        {
            host.WriteError(e.ToError());
            return null;
        }
    }
}
