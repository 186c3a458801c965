namespace LogoutModule.Core.Shared;

/// <summary>
/// The core's names for PowerShell's ErrorCategory values it uses. The cmdlet layer maps them by name,
/// and a unit test checks every name exists in System.Management.Automation.ErrorCategory.
/// </summary>
public enum ErrorKind
{
    NotSpecified,
    ObjectNotFound,
    InvalidArgument,
    InvalidData,
    InvalidOperation,
    PermissionDenied,
    ResourceUnavailable,
    ResourceBusy,
    ReadError,
    WriteError,
    CloseError,
    ConnectionError,
    SecurityError,
    AuthenticationError,
    OperationTimeout,
    InvalidResult,
}
