using LogoutModule.HelpWriter;

// Writes the shipped MAML from docs/help/<Verb-Noun>.md and the built cmdlets' real parameter sets. Run by
// src/LogoutCmdlets/LogoutCmdlets.csproj (target GenerateHelp) when the markdown, this writer or the cmdlets changed,
// and by `./build.ps1 -Task Help`. Usage: HelpWriter <docs/help folder> <LogoutCmdlets.dll> <output .dll-Help.xml>.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: HelpWriter <markdown folder> <LogoutCmdlets.dll> <output MAML file>");
    return 2;
}
var (markdownFolder, cmdletAssembly, output) = (args[0], args[1], args[2]);
using var metadata = new CmdletMetadata(cmdletAssembly);
var cmdlets = new List<(CmdletHelp, CmdletInfo)>();
var problems = new List<string>();
foreach (var cmdlet in metadata.Cmdlets)
{
    var file = Path.Combine(markdownFolder, cmdlet.Name + ".md");
    if (!File.Exists(file))
    {
        problems.Add($"{file} is missing");
        continue;
    }
    var help = PlatyPsMarkdown.Parse(File.ReadAllText(file));
    var documented = help.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    var required = cmdlet.Parameters.Select(p => p.Name).Concat(cmdlet.SupportsShouldProcess ? new[] { "WhatIf", "Confirm" } : Array.Empty<string>());
    problems.AddRange(required.Where(name => !documented.Contains(name)).Select(name => $"{file} documents no -{name}"));
    cmdlets.Add((help, cmdlet));
}
if (problems.Count > 0)
{
    // The MAML is left as it was: the help tests then name the same gaps.
    foreach (var problem in problems) Console.Error.WriteLine("HelpWriter: " + problem);
    return 1;
}
// Written beside and renamed over, so a failed run never leaves a half-written committed file.
var temporary = output + ".tmp";
File.WriteAllText(temporary, MamlWriter.Write(cmdlets));
File.Move(temporary, output, overwrite: true);
Console.WriteLine($"HelpWriter: {output} written for {cmdlets.Count} cmdlets");
return 0;
