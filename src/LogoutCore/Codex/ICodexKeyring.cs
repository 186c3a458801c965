using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>The OS keyring as codex's keyring crate uses it: one secret per (service, account).</summary>
public interface ICodexKeyring
{
    /// <summary>Names the keyring in messages, e.g. "Secret Service".</summary>
    string Name { get; }

    /// <summary>The stored secret, or null when there is none. Throws KeyringUnavailableException when the keyring cannot be reached.</summary>
    string? Read(string service, string account);

    /// <summary>Deletes the entry; false when there was none. Throws KeyringUnavailableException when the keyring cannot be reached.</summary>
    bool Delete(string service, string account);
}
