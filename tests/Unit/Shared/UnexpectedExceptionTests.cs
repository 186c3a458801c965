using LogoutModule.Core.Shared;
using Xunit;

namespace LogoutModule.Tests.Shared;

/// <summary>What a cmdlet reports for an exception the core did not turn into a LogoutException itself.</summary>
public sealed class UnexpectedExceptionTests
{
    [Fact]
    public void A_missing_file_is_FileAccessFailed_ResourceUnavailable_with_the_path_as_target()
    {
        var error = LogoutException.FromUnexpected(new FileNotFoundException("Could not find file '/h/.sfdx/a.json'.", "/h/.sfdx/a.json"));

        Assert.Equal(("FileAccessFailed", ErrorKind.ResourceUnavailable, "/h/.sfdx/a.json"), (error.ErrorId, error.Kind, error.TargetObject as string));
        Assert.Contains("/h/.sfdx/a.json", error.Message);
    }

    [Fact]
    public void Any_other_file_failure_is_FileAccessFailed_and_a_denied_access_is_FileAccessDenied_PermissionDenied()
    {
        var io = LogoutException.FromUnexpected(new IOException("disk full"));
        var denied = LogoutException.FromUnexpected(new UnauthorizedAccessException("Access to the path '/h/x' is denied."));

        Assert.Equal(("FileAccessFailed", ErrorKind.ResourceUnavailable), (io.ErrorId, io.Kind));
        Assert.Equal(("FileAccessDenied", ErrorKind.PermissionDenied), (denied.ErrorId, denied.Kind));
        Assert.Equal("Access to the path '/h/x' is denied.", denied.Message);
    }

    [Fact]
    public void Anything_else_is_UnexpectedError_NotSpecified_keeping_its_message_and_a_LogoutException_is_kept_as_is()
    {
        var original = new ArgumentException("An sf key has 32 (v1) or 64 (v2) characters, not 31.");
        var known = new LogoutException("LockHeld", ErrorKind.ResourceBusy, "/h/a.lock", "held");

        var error = LogoutException.FromUnexpected(original);

        Assert.Equal(("UnexpectedError", ErrorKind.NotSpecified), (error.ErrorId, error.Kind));
        Assert.Contains(original.Message, error.Message);
        Assert.Same(original, error.InnerException);
        Assert.Same(known, LogoutException.FromUnexpected(known));
    }
}
