namespace LogoutModule.Core.Shared;

/// <summary>One tab completion: the text to insert (quoted if needed), the name itself, and a tool tip saying what it names.</summary>
public sealed record NameCompletion(string Text, string Name, string ToolTip);
