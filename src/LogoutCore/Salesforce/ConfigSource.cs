using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>Where an sf config value came from: the global config, the project-local one, or an environment variable.</summary>
public enum ConfigSource
{
    Global,
    Local,
    Environment,
}
