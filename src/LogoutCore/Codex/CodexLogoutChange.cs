namespace LogoutModule.Core.Codex;

/// <summary>The kinds of change a Remove-CodexToken plan can hold, in the order they are asked about and applied.</summary>
internal enum CodexLogoutChange
{
    Revoke,
    KeyringEntry,
    AuthFile,
    LegacyAuthToken,
}
