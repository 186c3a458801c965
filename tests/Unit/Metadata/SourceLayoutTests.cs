using System.Text.RegularExpressions;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Metadata;

/// <summary>
/// The source tree's layout rule: one top-level type per file, the file named after it; an operation's file
/// (&lt;Verb&gt;&lt;Noun&gt;Operation.cs) may also hold its &lt;Verb&gt;&lt;Noun&gt;Request (issue 14).
/// </summary>
public sealed class SourceLayoutTests
{
    // A top-level declaration starts in column 0: every file uses a file-scoped namespace, so nested types are indented.
    private static readonly Regex TopLevelType = new(
        @"^(?:(?:public|internal|file|static|sealed|abstract|partial|readonly|unsafe|ref)\s+)*(?:record\s+struct|record\s+class|class|struct|interface|enum|record|delegate\s+[\w<>\[\],?]+)\s+(?<name>\w+)",
        RegexOptions.Multiline);

    public static TheoryData<string> SourceFiles()
    {
        var data = new TheoryData<string>();
        var src = Path.Combine(RepoPaths.Root, "src");
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
                     .Select(file => Path.GetRelativePath(src, file).Replace('\\', '/'))
                     .Where(file => !file.Split('/').Any(part => part is "obj" or "bin"))
                     .Order(StringComparer.Ordinal))
            data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void Each_source_file_holds_one_top_level_type_named_after_it(string file)
    {
        var types = TopLevelType.Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", file)))
            .Select(match => match.Groups["name"].Value).ToArray();
        var name = Path.GetFileNameWithoutExtension(file);
        // An operation's file also holds its request: the contract is read in one place (issue 14).
        var allowed = name.EndsWith("Operation", StringComparison.Ordinal)
            ? new[] { name, name[..^"Operation".Length] + "Request" }
            : new[] { name };
        Assert.Contains(name, types);
        Assert.Empty(types.Except(allowed));
        Assert.Equal(types.Length, types.Distinct().Count());
    }
}
