using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>The keyring could not be asked; the message says why and holds no secret.</summary>
public sealed class KeyringUnavailableException : Exception
{
    public KeyringUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}
