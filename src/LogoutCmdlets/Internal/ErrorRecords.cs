using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using LogoutModule.Core.Shared;

namespace LogoutModule.Commands.Internal;

/// <summary>A core LogoutError as the PowerShell ErrorRecord the cmdlets write: same id, category and target object.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(LogoutError error)
    {
        var exception = new LogoutException(error.ErrorId, error.Kind, error.TargetObject, error.Message, error.Exception);
        return new ErrorRecord(exception, error.ErrorId, ToCategory(error.Kind), error.TargetObject);
    }

    public static ErrorCategory ToCategory(ErrorKind kind) => (ErrorCategory)Enum.Parse(typeof(ErrorCategory), kind.ToString());
}
