using Xunit;

namespace LogoutModule.Tests.Support;

/// <summary>
/// A test that only root can arrange (giving a file away with chown, marking one immutable with chattr): it skips,
/// saying so, for other users. CI runs as root, so there it always runs.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Unix ownership does not exist on Windows";
        else if (Environment.UserName != "root") Skip = "needs root (CI runs as root): only root may chown a file to another user or mark it immutable";
    }
}
