using Xunit;

namespace LogoutModule.Tests.Support;

/// <summary>
/// A test against a real peer (sf, codex, a Node OAuth server). It skips, saying why, when the environment variables
/// that .ci/install-peers.sh exports are missing, unless LOGOUT_REQUIRE_INTEROP=1 (set by CI), where it must run and so fails.
/// </summary>
public sealed class InteropFactAttribute : FactAttribute
{
    public InteropFactAttribute(params string[] requiredVariables) => Skip = Peers.SkipReason(requiredVariables);
}

/// <summary>The Theory form of <see cref="InteropFactAttribute"/>.</summary>
public sealed class InteropTheoryAttribute : TheoryAttribute
{
    public InteropTheoryAttribute(params string[] requiredVariables) => Skip = Peers.SkipReason(requiredVariables);
}

public static class Peers
{
    public static bool Required => Environment.GetEnvironmentVariable("LOGOUT_REQUIRE_INTEROP") == "1";

    public static string? SkipReason(string[] requiredVariables)
    {
        if (Required) return null;
        var missing = requiredVariables.Where(name => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))).ToList();
        return missing.Count == 0 ? null
            : $"interop peer not installed ({string.Join(", ", missing)} unset): run .ci/install-peers.sh and source its env.sh";
    }

    /// <summary>A required variable's value; under LOGOUT_REQUIRE_INTEROP a missing one fails the test with its name.</summary>
    public static string Variable(string name)
        => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"{name} is not set: .ci/install-peers.sh did not install this peer");
}
