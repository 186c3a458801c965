using System.Text.RegularExpressions;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>The verdict of matching a returnTo against an allow-list.</summary>
public sealed record AllowListMatch(bool Accepted, string Reason, string? MatchedEntry, string? Hint);
