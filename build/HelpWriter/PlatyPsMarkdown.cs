using System.Text.RegularExpressions;

namespace LogoutModule.HelpWriter;

/// <summary>One cmdlet's help as written in docs/help/&lt;Verb-Noun&gt;.md (platyPS markdown).</summary>
public sealed class CmdletHelp
{
    public string Name { get; init; } = "";
    public string Synopsis { get; init; } = "";
    public IReadOnlyList<string> Description { get; init; } = Array.Empty<string>();
    public IReadOnlyList<HelpExample> Examples { get; init; } = Array.Empty<HelpExample>();
    public IReadOnlyList<HelpParameter> Parameters { get; init; } = Array.Empty<HelpParameter>();
    public IReadOnlyList<HelpType> Inputs { get; init; } = Array.Empty<HelpType>();
    public IReadOnlyList<HelpType> Outputs { get; init; } = Array.Empty<HelpType>();
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    /// <summary>The front matter's "online version:" (empty when none), which Get-Help -Online opens.</summary>
    public string OnlineVersion { get; init; } = "";

    /// <summary>RELATED LINKS, in order: another help topic (an empty Uri) or a page.</summary>
    public IReadOnlyList<HelpLink> RelatedLinks { get; init; } = Array.Empty<HelpLink>();
}

public sealed record HelpLink(string Text, string Uri);

public sealed record HelpExample(string Title, string Code, IReadOnlyList<string> Remarks);

public sealed record HelpType(string Name, IReadOnlyList<string> Description);

public sealed class HelpParameter
{
    public string Name { get; init; } = "";
    public IReadOnlyList<string> Description { get; init; } = Array.Empty<string>();
    public string Type { get; init; } = "";
    public IReadOnlyList<string> Sets { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Aliases { get; init; } = Array.Empty<string>();
    public bool Required { get; init; }
    public string Position { get; init; } = "Named";
    public string DefaultValue { get; init; } = "None";
    public string PipelineInput { get; init; } = "False";
    public bool Wildcards { get; init; }
}

/// <summary>Reads the subset of platyPS markdown our help files use.</summary>
public static class PlatyPsMarkdown
{
    public static CmdletHelp Parse(string markdown)
    {
        var normalised = markdown.Replace("\r\n", "\n");
        var frontMatter = Regex.Match(normalised, @"\A---\n(.*?)\n---\n", RegexOptions.Singleline);
        var text = normalised.Substring(frontMatter.Length);
        var name = Regex.Match(text, @"^# (\S+)\s*$", RegexOptions.Multiline).Groups[1].Value;
        var sections = Split(text, "## ");
        return new CmdletHelp
        {
            Name = name,
            Synopsis = string.Join(" ", Paragraphs(sections.GetValueOrDefault("SYNOPSIS", ""))),
            Description = Paragraphs(sections.GetValueOrDefault("DESCRIPTION", "")),
            Examples = Split(sections.GetValueOrDefault("EXAMPLES", ""), "### ").Select(pair => ParseExample(pair.Key, pair.Value)).ToList(),
            Parameters = Split(sections.GetValueOrDefault("PARAMETERS", ""), "### ")
                .Where(pair => pair.Key.StartsWith('-'))
                .Select(pair => ParseParameter(pair.Key.Substring(1), pair.Value)).ToList(),
            Inputs = Split(sections.GetValueOrDefault("INPUTS", ""), "### ").Select(p => new HelpType(p.Key, Paragraphs(p.Value))).ToList(),
            Outputs = Split(sections.GetValueOrDefault("OUTPUTS", ""), "### ").Select(p => new HelpType(p.Key, Paragraphs(p.Value))).ToList(),
            Notes = Paragraphs(sections.GetValueOrDefault("NOTES", "")),
            OnlineVersion = Regex.Match(frontMatter.Groups[1].Value, @"^online version:[ \t]*(\S*)", RegexOptions.Multiline).Groups[1].Value,
            RelatedLinks = Regex.Matches(sections.GetValueOrDefault("RELATED LINKS", ""), @"^\[([^\]]+)\]\(([^)]*)\)", RegexOptions.Multiline)
                .Select(m => new HelpLink(m.Groups[1].Value, m.Groups[2].Value)).ToList(),
        };
    }

    /// <summary>Splits text into headed sections ("## NAME" → body), in order.</summary>
    private static Dictionary<string, string> Split(string text, string headingPrefix)
    {
        var result = new Dictionary<string, string>();
        string? current = null;
        var body = new List<string>();
        var inCode = false;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) inCode = !inCode;
            if (!inCode && line.StartsWith(headingPrefix, StringComparison.Ordinal))
            {
                if (current is not null) result[current] = string.Join("\n", body);
                current = line.Substring(headingPrefix.Length).Trim();
                body.Clear();
            }
            else if (current is not null) body.Add(line);
        }
        if (current is not null) result[current] = string.Join("\n", body);
        return result;
    }

    /// <summary>Prose paragraphs, code blocks left out.</summary>
    private static List<string> Paragraphs(string body)
    {
        var withoutCode = Regex.Replace(body, @"```.*?```", "", RegexOptions.Singleline);
        return Regex.Split(withoutCode.Trim(), @"\n\s*\n")
            .Select(p => Regex.Replace(p.Trim(), @"\s*\n\s*", " "))
            .Where(p => p.Length > 0).ToList();
    }

    private static HelpExample ParseExample(string title, string body)
    {
        var code = Regex.Match(body, @"```\w*\n(.*?)\n```", RegexOptions.Singleline).Groups[1].Value;
        return new HelpExample(title, code, Paragraphs(body));
    }

    private static HelpParameter ParseParameter(string name, string body)
    {
        var yamlBlocks = Regex.Matches(body, @"```yaml\n(.*?)\n```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        var fields = yamlBlocks.Select(block => block.Split('\n')
                .Select(line => line.Split(new[] { ':' }, 2))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim()))
            .ToList();
        string Field(string key) => fields.Select(f => f.GetValueOrDefault(key)).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "";
        static List<string> List(string value) => value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0 && v != "None").ToList();
        return new HelpParameter
        {
            Name = name,
            Description = Paragraphs(body),
            Type = Field("Type"),
            Sets = fields.SelectMany(f => List(f.GetValueOrDefault("Parameter Sets", ""))).Distinct().ToList(),
            Aliases = List(Field("Aliases")),
            Required = fields.Any(f => f.GetValueOrDefault("Required", "").StartsWith("True", StringComparison.OrdinalIgnoreCase)),
            Position = Field("Position") is { Length: > 0 } position ? position : "Named",
            DefaultValue = Field("Default value") is { Length: > 0 } value ? value : "None",
            PipelineInput = Field("Accept pipeline input") is { Length: > 0 } pipeline ? pipeline : "False",
            Wildcards = Field("Accept wildcard characters").StartsWith("True", StringComparison.OrdinalIgnoreCase),
        };
    }
}
