namespace LogoutModule.Core.Shared;

/// <summary>A non-terminating error: a stable id, its category, the item it concerns and a message with no secrets.</summary>
public sealed record LogoutError(string ErrorId, ErrorKind Kind, object? TargetObject, string Message, Exception? Exception = null);
