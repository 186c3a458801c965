using LogoutModule.Core.Shared;
using Tomlyn.Syntax;

namespace LogoutModule.Core.Codex;

/// <summary>Where credentials live (cli_auth_credentials_store).</summary>
public enum AuthCredentialsStoreMode
{
    File,
    Keyring,
    Auto,
    Ephemeral,
}
