using LogoutModule.Core.Codex;

namespace LogoutModule.Tests.Support;

/// <summary>An in-memory keyring; Unavailable makes every call fail as an unreachable Secret Service does.</summary>
public sealed class FakeKeyring : ICodexKeyring
{
    public Dictionary<(string Service, string Account), string> Entries { get; } = new();
    public string? Unavailable { get; set; }
    public string Name => "Fake keyring";

    public string? Read(string service, string account)
    {
        ThrowIfUnavailable();
        return Entries.TryGetValue((service, account), out var secret) ? secret : null;
    }

    public bool Delete(string service, string account)
    {
        ThrowIfUnavailable();
        return Entries.Remove((service, account));
    }

    private void ThrowIfUnavailable()
    {
        if (Unavailable is not null) throw new KeyringUnavailableException(Unavailable);
    }
}
