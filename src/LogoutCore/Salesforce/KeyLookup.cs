using System.Text.Json;
using System.Text.RegularExpressions;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>The outcome of looking for sf's key: found, missing (no key.json), a keychain failure, or out of reach (another user's keychain).</summary>
public sealed class KeyLookup
{
    private KeyLookup(string? key, string? failure, string? outOfReach = null)
    {
        Key = key;
        Failure = failure;
        OutOfReachWarning = outOfReach;
    }

    public string? Key { get; }

    /// <summary>sf's reason for rejecting every auth file (it then lists nothing and warns per file).</summary>
    public string? Failure { get; }

    /// <summary>Why the key of another user's home cannot be read, and what can still be done; null otherwise.</summary>
    public string? OutOfReachWarning { get; }

    public static KeyLookup Found(string key) => new(key, null);
    public static KeyLookup Missing() => new(null, null);
    public static KeyLookup Failed(string failure) => new(null, failure);
    public static KeyLookup OutOfReach(string warning) => new(null, null, warning);
}
