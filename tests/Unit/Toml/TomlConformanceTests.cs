using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LogoutModule.Core.Toml;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Toml;

/// <summary>The official toml-test suite, every case listed for TOML 1.0.0, one test case per file.</summary>
public sealed class TomlConformanceTests
{
    private static readonly string SuiteFolder = Path.Combine(RepoPaths.Shared, "toml-test", "tests");

    private static IEnumerable<string> Listed(string prefix) =>
        File.ReadLines(Path.Combine(SuiteFolder, "files-toml-1.0.0"))
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal) && line.EndsWith(".toml", StringComparison.Ordinal));

    public static TheoryData<string> ValidCases() => new(Listed("valid/"));

    public static TheoryData<string> InvalidCases() => new(Listed("invalid/"));

    private static TomlDocument ParseCase(string relativePath) => TomlDocument.Parse(File.ReadAllBytes(Path.Combine(SuiteFolder, relativePath)));

    [Fact]
    public void The_list_holds_the_whole_suite()
    {
        Assert.Equal(210, ValidCases().Count);
        Assert.Equal(499, InvalidCases().Count);
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void A_valid_case_parses_to_the_expected_values(string relativePath)
    {
        var document = ParseCase(relativePath);

        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(SuiteFolder, Path.ChangeExtension(relativePath, ".json"))));
        Assert.Null(TomlTestJson.FindDifference(expected, TomlTestJson.ToTagged(document.Root)));
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void An_invalid_case_is_rejected_with_its_position(string relativePath)
    {
        var error = Assert.Throws<TomlParseException>(() => ParseCase(relativePath));

        Assert.True(error.Line >= 1 && error.Column >= 1, error.Message);
        Assert.Contains($"line {error.Line}, column {error.Column}", error.Message);
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Removing_any_top_level_key_cuts_exactly_its_lines(string relativePath)
    {
        var document = ParseCase(relativePath);
        var before = (JsonObject)TomlTestJson.ToTagged(document.Root);

        Assert.Null(document.RemoveTopLevelKey("no such key"));
        foreach (var keyValue in document.Root.Keys.Select(document.FindTopLevel).OfType<TomlKeyValue>())
        {
            var text = document.RemoveTopLevelKey(keyValue.Key)!;

            AssertIsOneCutOfWholeLines(document.Text, text, keyValue.Line);
            var after = (JsonObject)TomlTestJson.ToTagged(TomlDocument.Parse(text).Root);
            var expected = (JsonObject)before.DeepClone();
            expected.Remove(keyValue.Key);
            Assert.Null(TomlTestJson.FindDifference(expected, after));
        }
    }

    /// <summary>
    /// The new text is the old one with one contiguous piece cut out, and that piece is whole lines starting at the
    /// key's line; the BOM and (unless nothing is left) the presence of a final newline are unchanged.
    /// </summary>
    private static void AssertIsOneCutOfWholeLines(string original, string edited, int keyLine)
    {
        var prefix = 0;
        while (prefix < edited.Length && original[prefix] == edited[prefix]) prefix++;
        Assert.EndsWith(edited.Substring(prefix), original, StringComparison.Ordinal);
        Assert.Equal(original.StartsWith('\uFEFF'), edited.StartsWith('\uFEFF'));
        if (edited.TrimStart('\uFEFF').Length > 0) Assert.Equal(original.EndsWith('\n'), edited.EndsWith('\n'));

        var originalLines = Lines(original);
        var editedLines = Lines(edited);
        var removed = originalLines.Length - editedLines.Length;
        Assert.True(removed >= 1, "at least the key's line is removed");
        var kept = originalLines.Take(keyLine - 1).Concat(originalLines.Skip(keyLine - 1 + removed));
        Assert.Equal(kept, editedLines);
    }

    private static string[] Lines(string text) => Regex.Split(text.TrimStart('\uFEFF'), "\r?\n");
}
