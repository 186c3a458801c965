using System.IO;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// MSBuild task (compiled by RoslynCodeTaskFactory from src/LogoutCmdlets/LogoutCmdlets.csproj): writes the shipped
/// module manifest with ModuleVersion = the build's Version and ReleaseNotes = that version's CHANGELOG.md section.
/// Fails the build when CHANGELOG.md has no section for the version, so a release always says what changed.
/// </summary>
public class StampModuleManifest : Task
{
    [Required] public string Source { get; set; }
    [Required] public string Changelog { get; set; }
    [Required] public string Version { get; set; }
    [Required] public string Destination { get; set; }

    public override bool Execute()
    {
        var changelog = File.ReadAllText(Changelog).Replace("\r\n", "\n");
        var heading = new Regex("^## " + Regex.Escape(Version) + "[^\\n]*\\n(?<notes>.*?)(?=^## |\\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        var section = heading.Match(changelog);
        if (!section.Success)
        {
            Log.LogError("CHANGELOG.md has no '## " + Version + "' section for the version in Directory.Build.props.");
            return false;
        }
        // A PowerShell single-quoted string: a quote is written twice.
        var notes = section.Groups["notes"].Value.Trim().Replace("'", "''");
        var manifest = File.ReadAllText(Source);
        manifest = Regex.Replace(manifest, "(?m)^(\\s*ModuleVersion\\s*=\\s*)'[^']*'", m => m.Groups[1].Value + "'" + Version + "'");
        manifest = Regex.Replace(manifest, "(?m)^(\\s*ReleaseNotes\\s*=\\s*)''", m => m.Groups[1].Value + "'" + notes + "'");
        Directory.CreateDirectory(Path.GetDirectoryName(Destination));
        if (!File.Exists(Destination) || File.ReadAllText(Destination) != manifest) File.WriteAllText(Destination, manifest);
        return true;
    }
}
