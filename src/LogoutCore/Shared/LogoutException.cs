namespace LogoutModule.Core.Shared;

/// <summary>
/// Thrown by the core when nothing can proceed; the cmdlet turns it into a terminating error
/// with the same id, category and target.
/// </summary>
public sealed class LogoutException : Exception
{
    public LogoutException(string errorId, ErrorKind kind, object? targetObject, string message, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Kind = kind;
        TargetObject = targetObject;
    }

    public string ErrorId { get; }
    public ErrorKind Kind { get; }
    public object? TargetObject { get; }

    /// <summary>
    /// A host that cannot show ShouldContinue's prompt (non-interactive). Raised before anything changes, and saying how
    /// to go ahead, rather than PowerShell's bare HostFunctionNotImplemented.
    /// </summary>
    public static LogoutException ConfirmationNotPossible(Exception? inner = null) => new("ConfirmationNotPossible", ErrorKind.InvalidOperation, null,
        "This session cannot show a confirmation prompt. Pass -Force or -Confirm:$false to go ahead without prompting.", inner);

    /// <summary>
    /// A host that cannot show the prompt -Debug (or a preference set to Inquire) asks after a message: PowerShell's
    /// bare PSInvalidOperationException, said with what to do instead. Same id as <see cref="ConfirmationNotPossible"/>:
    /// a prompt the session cannot show. The destructive cmdlets write a message before their first change, so under
    /// -Debug they stop here with nothing changed.
    /// </summary>
    public static LogoutException MessagePromptNotPossible(Exception inner) => new("ConfirmationNotPossible", ErrorKind.InvalidOperation, null,
        "This session cannot show the prompt that -Debug (or a preference set to Inquire) asks after each message. Leave out -Debug; -Verbose shows the messages without asking.", inner);

    /// <summary>
    /// The terminating error for an exception the core did not expect, so none escapes a cmdlet raw: a file failure
    /// (read or write is not known here) names the file when the exception carries it; anything else is
    /// "UnexpectedError" with its message. Core messages never hold secrets, and .NET's name paths, not contents.
    /// </summary>
    public static LogoutException FromUnexpected(Exception exception) => exception switch
    {
        LogoutException known => known,
        UnauthorizedAccessException => new("FileAccessDenied", ErrorKind.PermissionDenied, null, exception.Message, exception),
        FileNotFoundException notFound => new("FileAccessFailed", ErrorKind.ResourceUnavailable, notFound.FileName, exception.Message, exception),
        FileLoadException notLoaded => new("FileAccessFailed", ErrorKind.ResourceUnavailable, notLoaded.FileName, exception.Message, exception),
        IOException => new("FileAccessFailed", ErrorKind.ResourceUnavailable, null, exception.Message, exception),
        _ => new("UnexpectedError", ErrorKind.NotSpecified, null, $"Unexpected error ({exception.GetType().FullName}): {exception.Message}", exception),
    };

    public LogoutError ToError() => new(ErrorId, Kind, TargetObject, Message, InnerException);
}
