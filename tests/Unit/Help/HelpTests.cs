using LogoutModule.HelpWriter;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Help;

/// <summary>
/// Every cmdlet has help that agrees with its metadata, and the committed MAML is what build/HelpWriter writes from it
/// (the build regenerates it when the markdown or the cmdlets change; this catches a stale commit).
/// </summary>
public sealed class HelpTests : IDisposable
{
    private static readonly string HelpFolder = Path.Combine(RepoPaths.Root, "docs", "help");
    private static readonly string MamlPath = Path.Combine(RepoPaths.Root, "src", "LogoutCmdlets", "en-US", "LogoutCmdlets.dll-Help.xml");
    private readonly CmdletMetadata _metadata = new(RepoPaths.CmdletAssembly);

    public void Dispose() => _metadata.Dispose();

    private static CmdletHelp Read(string cmdlet) => PlatyPsMarkdown.Parse(File.ReadAllText(Path.Combine(HelpFolder, cmdlet + ".md")));

    [Fact]
    public void Every_cmdlet_has_a_help_file_with_synopsis_description_and_an_example()
    {
        Assert.All(_metadata.Cmdlets, cmdlet =>
        {
            Assert.True(File.Exists(Path.Combine(HelpFolder, cmdlet.Name + ".md")), $"docs/help/{cmdlet.Name}.md is missing");
            var help = Read(cmdlet.Name);
            Assert.Equal(cmdlet.Name, help.Name);
            Assert.NotEmpty(help.Synopsis);
            Assert.NotEmpty(help.Description);
            Assert.NotEmpty(help.Examples);
            Assert.All(help.Examples, example => Assert.Contains(cmdlet.Name, example.Code));
            Assert.NotEmpty(help.Outputs);
        });
    }

    [Fact]
    public void Every_cmdlet_has_an_online_page_and_related_links_to_its_family_and_about_LogoutModule()
    {
        var names = _metadata.Cmdlets.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(_metadata.Cmdlets, cmdlet =>
        {
            var help = Read(cmdlet.Name);
            Assert.True(Uri.TryCreate(cmdlet.HelpUri, UriKind.Absolute, out var online) && online.Scheme == "https", $"{cmdlet.Name}: HelpUri '{cmdlet.HelpUri}' is not an https URL");
            Assert.True(help.OnlineVersion == cmdlet.HelpUri, $"{cmdlet.Name}: the markdown's online version '{help.OnlineVersion}' is not the HelpUri");
            Assert.Contains(help.RelatedLinks, link => link.Text == "about_LogoutModule");
            Assert.Contains(help.RelatedLinks, link => names.Contains(link.Text) && link.Text != cmdlet.Name);
            Assert.All(help.RelatedLinks.Where(link => link.Uri.Length > 0), link => Assert.StartsWith("https://", link.Uri));
        });
    }

    [Fact]
    public void Help_parameters_equal_the_cmdlet_parameters_plus_WhatIf_and_Confirm_under_ShouldProcess()
    {
        Assert.All(_metadata.Cmdlets, cmdlet =>
        {
            var expected = cmdlet.Parameters.Select(p => p.Name).ToList();
            if (cmdlet.SupportsShouldProcess) expected.AddRange(new[] { "WhatIf", "Confirm" });
            var documented = Read(cmdlet.Name).Parameters.Select(p => p.Name);
            Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), documented.OrderBy(n => n, StringComparer.Ordinal));
        });
    }

    [Fact]
    public void Help_parameter_details_match_the_metadata()
    {
        Assert.All(_metadata.Cmdlets, cmdlet =>
        {
            var help = Read(cmdlet.Name).Parameters.ToDictionary(p => p.Name);
            foreach (var parameter in cmdlet.Parameters)
            {
                var documented = help[parameter.Name];
                Assert.True(parameter.Aliases.OrderBy(a => a).SequenceEqual(documented.Aliases.OrderBy(a => a)), $"{cmdlet.Name} -{parameter.Name}: aliases differ");
                Assert.True(parameter.Sets.Any(s => s.Mandatory) == documented.Required, $"{cmdlet.Name} -{parameter.Name}: Required differs");
                Assert.True(parameter.SupportsWildcards == documented.Wildcards, $"{cmdlet.Name} -{parameter.Name}: wildcards differ");
                var pipeline = parameter.Sets.Any(s => s.ValueFromPipeline || s.ValueFromPipelineByPropertyName);
                Assert.True(pipeline == documented.PipelineInput.StartsWith("True", StringComparison.OrdinalIgnoreCase), $"{cmdlet.Name} -{parameter.Name}: pipeline input differs");
            }
        });
    }

    [Fact]
    public void The_shipped_MAML_is_generated_from_the_markdown()
    {
        var generated = MamlWriter.Write(_metadata.Cmdlets.Select(c => (Read(c.Name), c)));
        Assert.True(File.Exists(MamlPath) && generated == File.ReadAllText(MamlPath),
            "the committed MAML is not what docs/help and the cmdlets generate: run ./build.ps1 -Task Help and commit it");
    }
}
