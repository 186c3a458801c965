using System.Xml.Linq;

namespace LogoutModule.HelpWriter;

/// <summary>
/// Writes the MAML file PowerShell's Get-Help reads (&lt;Assembly&gt;.dll-Help.xml) from the platyPS markdown, so builds
/// without pwsh or platyPS still ship help. The build runs it (Program); a test compares the committed file with a fresh
/// write. The syntax comes
/// from the cmdlet's real parameter sets (mandatory and position per set), not from the markdown's one Required per
/// parameter, so Get-Help's syntax agrees with Get-Command -Syntax.
/// </summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static string Write(IEnumerable<(CmdletHelp Help, CmdletInfo Metadata)> cmdlets)
    {
        var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
            cmdlets.OrderBy(c => c.Help.Name, StringComparer.Ordinal).Select(c => CommandElement(c.Help, c.Metadata)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root + "\n";
    }

    private static XElement CommandElement(CmdletHelp help, CmdletInfo metadata)
    {
        var verb = help.Name.Split('-')[0];
        var noun = help.Name.Substring(verb.Length + 1);
        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml), new XAttribute(XNamespace.Xmlns + "command", Command), new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", verb),
                new XElement(Command + "noun", noun),
                Description(help.Synopsis)),
            Description(help.Description.ToArray()),
            new XElement(Command + "syntax", SyntaxItems(help, metadata)),
            new XElement(Command + "parameters", help.Parameters.Select(p => ParameterElement(p, p.Required, p.Position))),
            new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeElement(Command + "inputType", t))),
            new XElement(Command + "returnValues", help.Outputs.Select(t => TypeElement(Command + "returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", help.Notes.Select(Para))),
            new XElement(Command + "examples", help.Examples.Select(example => new XElement(Command + "example",
                new XElement(Maml + "title", $"-------------------------- {example.Title} --------------------------"),
                new XElement(Dev + "code", example.Code),
                new XElement(Dev + "remarks", example.Remarks.Select(Para))))),
            new XElement(Command + "relatedLinks", RelatedLinks(help, metadata)));
    }

    /// <summary>
    /// One syntax item per real parameter set (the default set first), each parameter with that set's Mandatory and
    /// Position: positional ones by position, then mandatory, then optional ones in the markdown's order.
    /// -WhatIf and -Confirm, which PowerShell adds under ShouldProcess, end every set.
    /// </summary>
    private static IEnumerable<XElement> SyntaxItems(CmdletHelp help, CmdletInfo metadata)
    {
        const string all = "__AllParameterSets";
        var named = metadata.SetNames.Where(s => s != all).OrderBy(s => s == metadata.DefaultParameterSetName ? 0 : 1).ThenBy(s => s, StringComparer.Ordinal).ToList();
        var sets = named.Count == 0 ? new List<string> { all } : named;
        var documented = help.Parameters.ToDictionary(p => p.Name);
        var order = help.Parameters.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i);
        foreach (var set in sets)
        {
            var members = metadata.Parameters
                .Select(p => (Parameter: p, Set: p.Sets.FirstOrDefault(s => s.Name == set) ?? p.Sets.FirstOrDefault(s => s.Name == all)))
                .Where(x => x.Set is not null)
                .OrderBy(x => x.Set!.Position is >= 0 ? 0 : x.Set.Mandatory ? 1 : 2)
                .ThenBy(x => x.Set!.Position is >= 0 ? x.Set.Position : order[x.Parameter.Name])
                .Select(x => ParameterElement(documented[x.Parameter.Name], x.Set!.Mandatory, x.Set.Position is >= 0 ? x.Set.Position.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "named"))
                .ToList();
            if (metadata.SupportsShouldProcess) members.AddRange(new[] { "WhatIf", "Confirm" }.Select(n => ParameterElement(documented[n], false, "named")));
            yield return new XElement(Command + "syntaxItem", new XElement(Maml + "name", help.Name), members);
        }
    }

    /// <summary>
    /// The cmdlet's HelpUri first, as platyPS writes it ("Online Version:"): with no HelpUri on the command, Get-Help
    /// -Online opens the first related link that is a URL. Then the markdown's RELATED LINKS.
    /// </summary>
    private static IEnumerable<XElement> RelatedLinks(CmdletHelp help, CmdletInfo metadata)
    {
        var links = help.RelatedLinks.ToList();
        if (metadata.HelpUri is { Length: > 0 } online) links.Insert(0, new HelpLink("Online Version:", online));
        return links.Select(link => new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", link.Text), new XElement(Maml + "uri", link.Uri)));
    }

    private static XElement ParameterElement(HelpParameter parameter, bool required, string position) => new(Command + "parameter",
        new XAttribute("required", required ? "true" : "false"),
        new XAttribute("variableLength", parameter.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
        new XAttribute("globbing", parameter.Wildcards ? "true" : "false"),
        new XAttribute("pipelineInput", parameter.PipelineInput),
        new XAttribute("position", position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : position),
        new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
        new XElement(Maml + "name", parameter.Name),
        Description(parameter.Description.ToArray()),
        // A switch takes no value: with one, Get-Help's syntax line reads [-Force <SwitchParameter>] instead of [-Force].
        parameter.Type == "SwitchParameter" ? null
            : new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), parameter.Type),
        new XElement(Dev + "type", new XElement(Maml + "name", parameter.Type), new XElement(Maml + "uri")),
        new XElement(Dev + "defaultValue", parameter.DefaultValue));

    private static XElement TypeElement(XName name, HelpType type) => new(name,
        new XElement(Dev + "type", new XElement(Maml + "name", type.Name), new XElement(Maml + "uri")),
        Description(type.Description.ToArray()));

    private static XElement Description(params string[] paragraphs) => new(Maml + "description", paragraphs.Select(Para));

    private static XElement Para(string text) => new(Maml + "para", text);
}
