using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>A stored record codex cannot parse; the message is codex's detail and never contains a secret.</summary>
public sealed class CodexAuthFormatException : Exception
{
    public CodexAuthFormatException(string detail) : base(detail) { }
}
