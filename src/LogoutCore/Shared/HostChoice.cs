namespace LogoutModule.Core.Shared;

/// <summary>
/// One entry of a choice prompt. The console host accepts a choice's label typed in full, so the label is what a user
/// would type (a username); the help message, shown on "?", carries the details.
/// </summary>
public sealed record HostChoice(string Label, string HelpMessage);
