using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LogoutModule.Core.Shared;
using LogoutModule.HelpWriter;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Metadata;

/// <summary>The cmdlet layer as PowerShell will see it, read from the built module's DLL.</summary>
public sealed class CmdletMetadataTests : IDisposable
{
    private static readonly string[] ReservedNames =
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm", "UseTransaction",
    };

    private static readonly string[] ReadOnlyVerbs = { "Get", "Test" };

    private readonly CmdletMetadata _metadata = new(RepoPaths.CmdletAssembly);

    public void Dispose() => _metadata.Dispose();

    [Theory]
    [InlineData("net8.0")]
    [InlineData("netstandard2.0")]
    public void The_core_never_references_System_Management_Automation(string flavour)
    {
        var references = AssemblyReferences(Path.Combine(RepoPaths.ModuleFolder, flavour, "LogoutCore.dll"));
        Assert.DoesNotContain("System.Management.Automation", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.PowerShell", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("netstandard2.0")]
    public void The_cmdlet_assembly_references_only_the_framework_the_reference_SMA_and_the_core(string flavour)
    {
        var references = AssemblyReferences(Path.Combine(RepoPaths.ModuleFolder, flavour, "LogoutCmdlets.dll"));
        Assert.All(references, reference => Assert.True(
            reference is "netstandard" or "System.Management.Automation" or "LogoutCore" or "System.Runtime" or "System.Collections"
                or "System.Linq" or "System.Text.Json" or "System.Runtime.InteropServices" or "System.Memory" or "System.Collections.Concurrent"
                || reference.StartsWith("System.", StringComparison.Ordinal) && flavour == "net8.0",
            $"unexpected reference {reference}"));
        Assert.False(File.Exists(Path.Combine(RepoPaths.ModuleFolder, flavour, "System.Management.Automation.dll")), "the module must not ship SMA");
    }

    [Fact]
    public void There_are_cmdlets_to_check() => Assert.NotEmpty(_metadata.Cmdlets);

    [Fact]
    public void Every_cmdlet_uses_an_approved_verb()
    {
        var approved = _metadata.ApprovedVerbs();
        Assert.All(_metadata.Cmdlets, cmdlet => Assert.Contains(cmdlet.Verb, approved));
    }

    [Fact]
    public void Every_cmdlet_class_is_public_sealed_and_named_after_the_cmdlet()
    {
        Assert.All(_metadata.Cmdlets, cmdlet =>
        {
            Assert.True(cmdlet.Type.IsPublic && cmdlet.Type.IsSealed, cmdlet.Name);
            Assert.Equal(cmdlet.Verb + cmdlet.Noun + "Command", cmdlet.Type.Name);
            Assert.Equal("LogoutModule.Commands", cmdlet.Type.Namespace);
        });
    }

    [Fact]
    public void Every_cmdlet_declares_a_specific_output_type()
    {
        Assert.All(_metadata.Cmdlets, cmdlet =>
        {
            Assert.NotEmpty(cmdlet.OutputTypes);
            Assert.All(cmdlet.OutputTypes, type => Assert.DoesNotContain(type.FullName, new[] { "System.Object", "System.Management.Automation.PSObject", "System.String" }));
        });
    }

    [Fact]
    public void State_changing_cmdlets_support_ShouldProcess_at_medium_impact_and_Force_comes_only_with_it()
    {
        Assert.All(_metadata.Cmdlets, cmdlet =>
        {
            var changesState = !ReadOnlyVerbs.Contains(cmdlet.Verb);
            Assert.True(cmdlet.SupportsShouldProcess == changesState, $"{cmdlet.Name}: SupportsShouldProcess should be {changesState}");
            Assert.Equal(2, cmdlet.ConfirmImpact);
            if (cmdlet.Parameters.Any(p => p.Name == "Force")) Assert.True(cmdlet.SupportsShouldProcess, $"{cmdlet.Name}: -Force without ShouldProcess");
        });
    }

    [Fact]
    public void Parameters_are_properties_with_unique_unreserved_names_and_switches_are_SwitchParameter()
    {
        Assert.All(_metadata.Cmdlets, cmdlet =>
        {
            var names = new List<string>();
            foreach (var parameter in cmdlet.Parameters)
            {
                Assert.IsAssignableFrom<System.Reflection.PropertyInfo>(parameter.Member);
                Assert.DoesNotContain(parameter.Name, ReservedNames);
                Assert.NotEqual("System.Boolean", parameter.Type.FullName);
                names.Add(parameter.Name);
                names.AddRange(parameter.Aliases);
            }
            Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        });
    }

    [Fact]
    public void Parameter_sets_have_a_default_and_at_most_one_by_value_parameter_each()
    {
        Assert.All(_metadata.Cmdlets, cmdlet =>
        {
            var explicitSets = cmdlet.SetNames.Where(s => s != "__AllParameterSets").ToList();
            if (explicitSets.Count > 1) Assert.Contains(cmdlet.DefaultParameterSetName, explicitSets);
            foreach (var set in explicitSets.DefaultIfEmpty("__AllParameterSets"))
            {
                var inSet = cmdlet.Parameters.SelectMany(p => p.Sets.Select(s => (p, s))).Where(x => x.s.Name == set || x.s.Name == "__AllParameterSets").ToList();
                Assert.True(inSet.Count(x => x.s.ValueFromPipeline) <= 1, $"{cmdlet.Name} set {set}: more than one by-value parameter");
                var positions = inSet.Where(x => x.s.Position is >= 0).Select(x => x.s.Position).ToList();
                Assert.Equal(positions.Count, positions.Distinct().Count());
            }
        });
    }

    [Fact]
    public void The_manifest_exports_exactly_the_cmdlets_in_the_assembly()
    {
        var manifest = File.ReadAllText(Path.Combine(RepoPaths.Root, "LogoutModule.psd1"));
        var block = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\((?<list>[^)]*)\)").Groups["list"].Value;
        var exported = Regex.Matches(block, "'([^']+)'").Select(m => m.Groups[1].Value).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(_metadata.Cmdlets.Select(c => c.Name), exported);
        Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop',\s*'Core'\)", manifest);
        Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", manifest);
        Assert.Matches(@"FormatsToProcess\s*=\s*@\('LogoutModule\.format\.ps1xml'\)", manifest);
        // Each edition imports its own flavour's DLL as the root module (Windows PowerShell cannot load net8.0).
        Assert.Matches(@"RootModule\s*=\s*if \(\$PSEdition -eq 'Core'\) \{ 'net8\.0/LogoutCmdlets\.dll' \} else \{ 'netstandard2\.0/LogoutCmdlets\.dll' \}", manifest);
        foreach (var list in new[] { "FunctionsToExport", "VariablesToExport", "AliasesToExport" })
            Assert.Matches(list + @"\s*=\s*@\(", manifest);
    }

    [Fact]
    public void The_shipped_manifest_carries_the_version_written_once_in_Directory_Build_props_and_its_CHANGELOG_section()
    {
        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
        var version = Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
        Assert.Contains("ModuleVersion        = '0.0.0'", File.ReadAllText(Path.Combine(RepoPaths.Root, "LogoutModule.psd1")));
        var shipped = File.ReadAllText(Path.Combine(RepoPaths.ModuleFolder, "LogoutModule.psd1"));
        Assert.Contains($"ModuleVersion        = '{version}'", shipped);
        Assert.Contains($"## {version}", File.ReadAllText(Path.Combine(RepoPaths.Root, "CHANGELOG.md")));
        Assert.Matches(@"ReleaseNotes = '[^']+", shipped);
        Assert.DoesNotContain("example.invalid", shipped);
    }

    [Fact]
    public void Every_format_view_names_a_real_type_and_real_properties_and_every_output_type_has_a_view()
    {
        var format = XDocument.Load(Path.Combine(RepoPaths.ModuleFolder, "LogoutModule.format.ps1xml"));
        var viewTypes = new List<string>();
        foreach (var view in format.Descendants("View"))
        {
            var typeName = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;
            viewTypes.Add(typeName);
            var type = _metadata.CoreAssembly.GetType(typeName) ?? _metadata.CmdletAssembly.GetType(typeName);
            Assert.True(type is not null, $"format view names unknown type {typeName}");
            foreach (var property in view.Descendants("PropertyName").Select(p => p.Value))
                Assert.True(type!.GetProperty(property) is not null, $"{typeName} has no property {property}");
            var headers = view.Descendants("TableColumnHeader").Count();
            var items = view.Descendants("TableColumnItem").Count();
            if (headers > 0) Assert.Equal(headers, items);
        }
        // A -Quiet $true/$false formats itself.
        var outputTypes = _metadata.Cmdlets.SelectMany(c => c.OutputTypes).Where(t => !t.IsPrimitive).Select(t => t.FullName!).Distinct();
        Assert.All(outputTypes, type => Assert.Contains(type, viewTypes));
    }

    [Fact]
    public void Every_core_error_kind_is_a_PowerShell_error_category()
    {
        var categories = _metadata.ErrorCategoryNames();
        Assert.All(Enum.GetNames<ErrorKind>(), name => Assert.Contains(name, categories));
    }

    [Fact]
    public void The_public_surface_matches_the_committed_snapshot()
    {
        var snapshotPath = Path.Combine(RepoPaths.Root, "tests", "Unit", "Metadata", "cmdlet-surface.txt");
        var surface = _metadata.Surface();
        if (Environment.GetEnvironmentVariable("LOGOUT_UPDATE_SNAPSHOT") == "1") File.WriteAllText(snapshotPath, surface);
        Assert.True(File.Exists(snapshotPath), "no snapshot: run the tests once with LOGOUT_UPDATE_SNAPSHOT=1 and review the file");
        Assert.Equal(File.ReadAllText(snapshotPath), surface);
    }

    private static List<string> AssemblyReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
    }
}
