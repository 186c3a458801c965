using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>One effective config key, its value and where the value came from.</summary>
public sealed record ConfigEntry(string Key, string? Value, ConfigSource Source);
