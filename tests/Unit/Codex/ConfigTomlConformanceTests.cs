using LogoutModule.Core.Codex;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Codex;

/// <summary>
/// toml-test's TOML 1.1 list (the version codex 0.169.0 reads) through the module's own path: ConfigToml for parsing,
/// CodexConfig.RemoveLegacyAuthToken for the edit. One test case per file.
/// </summary>
public sealed class ConfigTomlConformanceTests
{
    private static readonly string SuiteFolder = System.IO.Path.Combine(RepoPaths.Shared, "toml-test", "tests");

    private static IEnumerable<string> Listed(string prefix) =>
        File.ReadLines(System.IO.Path.Combine(SuiteFolder, "files-toml-1.1.0"))
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal) && line.EndsWith(".toml", StringComparison.Ordinal));

    public static TheoryData<string> ValidCases() => new(Listed("valid/"));

    public static TheoryData<string> InvalidCases() => new(Listed("invalid/"));

    private static byte[] Bytes(string relativePath) => File.ReadAllBytes(System.IO.Path.Combine(SuiteFolder, relativePath));

    [Fact]
    public void The_list_holds_the_whole_suite()
    {
        Assert.Equal(220, ValidCases().Count);
        Assert.Equal(492, InvalidCases().Count);
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void A_valid_case_loads(string relativePath)
    {
        var config = ConfigToml.Parse(Bytes(relativePath), relativePath);

        Assert.Null(config.WithoutTopLevelKey("auth_token"));
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void An_invalid_case_is_a_configuration_error_naming_the_file(string relativePath)
    {
        var e = Assert.Throws<LogoutException>(() => ConfigToml.Parse(Bytes(relativePath), relativePath));

        Assert.Equal("CodexConfigInvalid", e.ErrorId);
        Assert.Matches($@"^Error loading configuration: ({System.Text.RegularExpressions.Regex.Escape(relativePath)}(:\d+:\d+)?: |Failed to read config file )", e.Message);
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void A_valid_case_survives_the_removal_path_byte_for_byte(string relativePath)
    {
        using var state = new CodexState();
        var original = Bytes(relativePath);
        File.WriteAllBytes(state.ConfigFile, original);
        var config = CodexConfig.Load(state.Context(), state.Home);

        Assert.False(config.RemoveLegacyAuthToken(), "nothing to remove");
        Assert.Equal(original, File.ReadAllBytes(state.ConfigFile));

        // The same file with a top-level auth_token line in front of it gets exactly its original bytes back.
        var bom = original.Length >= 3 && original[0] == 0xEF && original[1] == 0xBB && original[2] == 0xBF ? 3 : 0;
        var withKey = original.Take(bom).Concat("auth_token = \"x\"\n"u8.ToArray()).Concat(original.Skip(bom)).ToArray();
        File.WriteAllBytes(state.ConfigFile, withKey);
        var edited = CodexConfig.Load(state.Context(), state.Home);

        Assert.True(edited.HasLegacyAuthToken);
        Assert.True(edited.RemoveLegacyAuthToken());
        Assert.Equal(original, File.ReadAllBytes(state.ConfigFile));
    }
}
