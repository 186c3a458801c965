namespace LogoutModule.Core.Shared;

/// <summary>
/// One entry of a choice prompt: the label is what a user would type in full (a username), <see cref="Names"/> the other
/// names that select it (aliases), the help message the details shown beside it. See <see cref="ChoiceSelection"/>.
/// </summary>
public sealed record HostChoice(string Label, string HelpMessage)
{
    /// <summary>Other exact names that select this entry (sf aliases); empty when it has none.</summary>
    public IReadOnlyList<string> Names { get; init; } = Array.Empty<string>();
}
