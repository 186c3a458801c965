using LogoutModule.Core.Shared;
using Tomlyn.Syntax;

namespace LogoutModule.Core.Codex;

/// <summary>forced_login_method: which kind of stored login codex accepts.</summary>
public enum CodexForcedLoginMethod
{
    None,
    ChatGpt,
    Api,
}
