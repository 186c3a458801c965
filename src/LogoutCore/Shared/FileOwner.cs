namespace LogoutModule.Core.Shared;

/// <summary>A file's numeric Unix owner (uid) and group (gid), so callers need no platform types.</summary>
public readonly record struct FileOwner(uint UserId, uint GroupId)
{
    public override string ToString() => $"{UserId}:{GroupId}";
}
