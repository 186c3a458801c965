using System.Diagnostics;
using System.Security;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>Where Test-Auth0LogoutUrl gets its verdict from.</summary>
public sealed class LogoutUrlCheck
{
    public IReadOnlyList<string>? AllowedLogoutUrls { get; init; }
    public SecureString? ManagementToken { get; init; }
    public bool Probe { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>-Quiet: emit only whether the returnTo is accepted ($true/$false), as Test-Connection -Quiet does.</summary>
    public bool Quiet { get; init; }
}
