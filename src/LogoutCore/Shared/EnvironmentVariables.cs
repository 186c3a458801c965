namespace LogoutModule.Core.Shared;

public static class EnvironmentVariables
{
    /// <summary>A variable's value, with an empty value treated as unset, as both sf and codex read them.</summary>
    public static string? NonEmpty(Func<string, string?> environment, string name)
        => environment(name) is { Length: > 0 } value ? value : null;
}
