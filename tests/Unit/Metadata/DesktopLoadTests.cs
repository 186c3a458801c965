using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using LogoutModule.HelpWriter;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Metadata;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework) refuses a reference whose version differs from the DLL found, unless a
/// binding redirect (which a module cannot have) or an AssemblyResolve handler says otherwise. Windows cannot run
/// here, so the built netstandard2.0 folder is checked by reading its DLLs' references.
/// </summary>
public sealed class DesktopLoadTests
{
    // Provided by .NET Framework itself (netstandard2.0 code references the framework through netstandard.dll) or by the host.
    private static readonly HashSet<string> Provided = new(StringComparer.OrdinalIgnoreCase) { "netstandard", "mscorlib", "System.Management.Automation" };

    private static string Flavour => Path.Combine(RepoPaths.ModuleFolder, "netstandard2.0");

    private sealed record Dll(string Name, Version Version, List<(string Name, Version Version)> References, List<string> Types);

    private static Dll Read(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        var definition = md.GetAssemblyDefinition();
        var references = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h)).Select(r => (md.GetString(r.Name), r.Version)).ToList();
        var types = md.TypeDefinitions.Select(h => md.GetTypeDefinition(h)).Select(t => md.GetString(t.Namespace) + "." + md.GetString(t.Name)).ToList();
        return new Dll(md.GetString(definition.Name), definition.Version, references, types);
    }

    [Fact]
    public void Every_reference_of_every_shipped_DLL_is_the_framework_the_host_or_a_DLL_shipped_beside_it()
    {
        var shipped = Directory.GetFiles(Flavour, "*.dll").Select(Read).ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("LogoutCmdlets", shipped.Keys);
        var missing = shipped.Values
            .SelectMany(dll => dll.References.Select(r => (From: dll.Name, r.Name)))
            .Where(r => !Provided.Contains(r.Name) && !shipped.ContainsKey(r.Name))
            .Select(r => $"{r.From} -> {r.Name}")
            .ToList();
        Assert.True(missing.Count == 0, "not shipped in netstandard2.0/: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("netstandard2.0")]
    [InlineData("net8.0")]
    public void Spectre_Console_for_the_org_list_ships_in_each_flavour_with_everything_it_references(string flavour)
    {
        // The arrow-key list (issue #11 item 2) loads Spectre.Console the first time a console shows it: a missing DLL
        // would surface only then, as an UnexpectedError in front of the user.
        var folder = Path.Combine(RepoPaths.ModuleFolder, flavour);
        var shipped = Directory.GetFiles(folder, "*.dll").Select(Read).ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        Assert.Contains(shipped["LogoutCore"].References, r => r.Name == "Spectre.Console");
        var spectre = shipped.Values.Where(dll => dll.Name.StartsWith("Spectre.Console", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "Spectre.Console", "Spectre.Console.Ansi" }, spectre.Select(dll => dll.Name).Order(StringComparer.Ordinal));
        var unresolved = spectre.SelectMany(dll => dll.References)
            .Where(r => !Provided.Contains(r.Name) && !shipped.ContainsKey(r.Name) && !(flavour == "net8.0" && IsRuntimeAssembly(r.Name)))
            .Select(r => r.Name).ToList();
        Assert.True(unresolved.Count == 0, $"Spectre.Console references what {flavour}/ lacks: " + string.Join(", ", unresolved));
    }

    /// <summary>On PowerShell 7 the runtime provides System.*, Microsoft.Win32.* and the like.</summary>
    private static bool IsRuntimeAssembly(string name)
        => File.Exists(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), name + ".dll"));

    [Fact]
    public void Version_mismatches_between_shipped_DLLs_are_answered_by_the_import_time_resolver()
    {
        var shipped = Directory.GetFiles(Flavour, "*.dll").Select(Read).ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        var mismatched = shipped.Values
            .SelectMany(dll => dll.References.Where(r => shipped.TryGetValue(r.Name, out var target) && target.Version != r.Version)
                .Select(r => $"{dll.Name} wants {r.Name} {r.Version}, {shipped[r.Name].Version} ships"))
            .ToList();
        // Today's folder has such pairs (System.Memory wants System.Buffers 4.0.2.0; 4.0.3.0 ships); .NET Framework needs
        // the resolver for each. Should the list ever become empty the resolver is still harmless.
        if (mismatched.Count == 0) return;
        var cmdlets = shipped["LogoutCmdlets"];
        Assert.Contains("LogoutModule.Commands.Internal.DesktopAssemblyResolver", cmdlets.Types);
    }

    [Fact]
    public void The_resolver_is_a_module_initializer_PowerShell_runs_at_import()
    {
        using var context = new System.Reflection.MetadataLoadContext(new System.Reflection.PathAssemblyResolver(
            Directory.GetFiles(Flavour, "*.dll").Append(CmdletMetadata.SmaReferenceAssembly)
                .Concat(Directory.GetFiles(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))));
        var resolver = context.LoadFromAssemblyPath(Path.Combine(Flavour, "LogoutCmdlets.dll")).GetType("LogoutModule.Commands.Internal.DesktopAssemblyResolver", throwOnError: true)!;
        var interfaces = resolver.GetInterfaces().Select(i => i.FullName).ToList();
        Assert.Contains("System.Management.Automation.IModuleAssemblyInitializer", interfaces);
        Assert.Contains("System.Management.Automation.IModuleAssemblyCleanup", interfaces);
        Assert.True(resolver.IsPublic && !resolver.IsAbstract, "PowerShell instantiates only public concrete initializers");
    }
}
