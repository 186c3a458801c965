using System.Management.Automation;
using LogoutModule.Core.Salesforce;

namespace LogoutModule.Commands.Internal;

/// <summary>
/// Starts the core's warm-up (ListingWarmup) when the module is imported, so a fresh session's first Get-AuthenticatedOrg,
/// Disconnect-Org or Tab press finds System.Text.Json and the cipher loaded. PowerShell calls <see cref="OnImport"/> at
/// Import-Module, autoloading included; the warm-up runs on a pool thread and the import does not wait for it.
/// </summary>
public sealed class ModuleWarmup : IModuleAssemblyInitializer
{
    /// <summary>Queues the warm-up; returns at once.</summary>
    public void OnImport() => ListingWarmup.Start();
}
