using System.Xml.Linq;

namespace LogoutModule.Tests.Help;

/// <summary>
/// Writes the MAML file PowerShell's Get-Help reads (&lt;Assembly&gt;.dll-Help.xml) from the platyPS markdown, so builds
/// without pwsh or platyPS still ship help. The committed file is regenerated and compared by a test.
/// </summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static string Write(IEnumerable<CmdletHelp> cmdlets)
    {
        var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
            cmdlets.OrderBy(c => c.Name, StringComparer.Ordinal).Select(CommandElement));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root + "\n";
    }

    private static XElement CommandElement(CmdletHelp help)
    {
        var verb = help.Name.Split('-')[0];
        var noun = help.Name.Substring(verb.Length + 1);
        var sets = help.Parameters.SelectMany(p => p.Sets).Where(s => s != "(All)").Distinct().DefaultIfEmpty("(All)").ToList();
        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml), new XAttribute(XNamespace.Xmlns + "command", Command), new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", verb),
                new XElement(Command + "noun", noun),
                Description(help.Synopsis)),
            Description(help.Description.ToArray()),
            new XElement(Command + "syntax", sets.Select(set => new XElement(Command + "syntaxItem",
                new XElement(Maml + "name", help.Name),
                help.Parameters.Where(p => set == "(All)" || p.Sets.Contains(set) || p.Sets.Contains("(All)")).Select(ParameterElement)))),
            new XElement(Command + "parameters", help.Parameters.Select(ParameterElement)),
            new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeElement(Command + "inputType", t))),
            new XElement(Command + "returnValues", help.Outputs.Select(t => TypeElement(Command + "returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", help.Notes.Select(Para))),
            new XElement(Command + "examples", help.Examples.Select(example => new XElement(Command + "example",
                new XElement(Maml + "title", $"-------------------------- {example.Title} --------------------------"),
                new XElement(Dev + "code", example.Code),
                new XElement(Dev + "remarks", example.Remarks.Select(Para))))),
            new XElement(Command + "relatedLinks"));
    }

    private static XElement ParameterElement(HelpParameter parameter) => new(Command + "parameter",
        new XAttribute("required", parameter.Required ? "true" : "false"),
        new XAttribute("variableLength", parameter.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
        new XAttribute("globbing", parameter.Wildcards ? "true" : "false"),
        new XAttribute("pipelineInput", parameter.PipelineInput),
        new XAttribute("position", parameter.Position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : parameter.Position),
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
