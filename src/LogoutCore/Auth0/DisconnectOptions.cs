using System.Diagnostics;
using System.Security;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>Disconnect-Auth0Session's switches: -NoBrowser, -Wait, and how long -Wait waits (-TimeoutSec).</summary>
public sealed class DisconnectOptions
{
    public bool NoBrowser { get; init; }
    public bool Wait { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);
}
