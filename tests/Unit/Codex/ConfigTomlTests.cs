using System.Text;
using LogoutModule.Core.Codex;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Codex;

/// <summary>config.toml as codex 0.169.0 reads it (TOML 1.1), and the top-level auth_token cut out keeping every other byte (codex-cli.md §7).</summary>
public sealed class ConfigTomlTests
{
    private const string Path = "/home/u/.codex/config.toml";

    private static ConfigToml Parse(string text) => ConfigToml.Parse(Encoding.UTF8.GetBytes(text), Path);

    private static string Remove(string text) => Encoding.UTF8.GetString(Parse(text).WithoutTopLevelKey("auth_token")!);

    private static string ErrorOf(string text) => ErrorOf(Encoding.UTF8.GetBytes(text));

    private static string ErrorOf(byte[] bytes)
    {
        var e = Assert.Throws<LogoutException>(() => ConfigToml.Parse(bytes, Path));
        Assert.Equal(("CodexConfigInvalid", ErrorKind.InvalidArgument, (object)Path), (e.ErrorId, e.Kind, e.TargetObject));
        return e.Message;
    }

    [Fact]
    public void The_issue_config_with_a_multi_line_inline_table_loads_as_codex_loads_it()
    {
        var config = Parse("model = \"o3\"\n[mcp_servers.local]\ncommand = \"run-server\"\nenv = {\n  API_BASE = \"http://127.0.0.1:9\",\n}\n");

        Assert.Null(config.FindTopLevel("auth_token"));
        Assert.NotNull(config.FindTopLevel("model"));
    }

    [Theory]
    [InlineData("t = 07:32\n")]
    [InlineData("a = [1, 2,]\nb = { x = 1, }\n")]
    [InlineData("s = \"caf\\xE9 \\e\"\n")]
    public void Every_TOML_1_1_relaxation_loads(string text) => Assert.Equal(text, Parse(text).Text);

    [Fact]
    public void The_reference_fixture_loses_exactly_its_auth_token_line()
    {
        var original = File.ReadAllBytes(System.IO.Path.Combine(RepoPaths.Fixtures, "codex-config-auth_token.toml"));
        var expected = File.ReadAllBytes(System.IO.Path.Combine(RepoPaths.Fixtures, "codex-config-auth_token.expected.toml"));

        Assert.Equal(expected, ConfigToml.Parse(original, Path).WithoutTopLevelKey("auth_token"));
    }

    [Theory]
    [InlineData("auth_token")]
    [InlineData("\"auth_token\"")]
    [InlineData("'auth_token'")]
    [InlineData("\"auth\\u005Ftoken\"")]
    [InlineData("\"auth\\x5Ftoken\"")]
    public void Every_spelling_of_the_key_is_the_same_key(string spelling)
        => Assert.Equal("a = 1\nb = 2\n", Remove($"a = 1\n{spelling} = \"x\"\nb = 2\n"));

    [Fact]
    public void Crlf_line_endings_stay_crlf_and_the_comments_after_the_key_stay()
        => Assert.Equal("# c\r\na = 1\r\n\r\n# after\r\nb = 2\r\n", Remove("# c\r\na = 1\r\nauth_token = \"x\"\r\n\r\n# after\r\nb = 2\r\n"));

    [Fact]
    public void A_bom_is_kept_even_when_the_key_is_on_the_first_line()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes("auth_token = \"x\"\nmodel = \"o3\"\n")).ToArray();

        var edited = ConfigToml.Parse(bytes, Path).WithoutTopLevelKey("auth_token")!;

        Assert.Equal(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes("model = \"o3\"\n")), edited);
    }

    [Theory]
    [InlineData("a = 1\nauth_token = \"x\"", "a = 1")]
    [InlineData("a = 1\r\nauth_token = \"x\"  # old", "a = 1")]
    [InlineData("auth_token = \"x\"\na = 1", "a = 1")]
    [InlineData("auth_token = \"x\"", "")]
    public void A_missing_final_newline_stays_missing(string text, string expected) => Assert.Equal(expected, Remove(text));

    [Fact]
    public void A_comment_on_the_same_line_and_indentation_go_with_it()
        => Assert.Equal("a = 1\n# kept\nb = 2\n", Remove("a = 1\n# kept\n  \tauth_token = 'x' # legacy, from the design doc\nb = 2\n"));

    [Theory]
    [InlineData("auth_token = \"\"\"\nline one\nline two\"\"\"\n")]
    [InlineData("auth_token = '''\nline one\n  auth_token = 'x'\n'''  # end\n")]
    [InlineData("auth_token = [\n  \"a\", # one\n  \"b\",\n]\n")]
    [InlineData("auth_token = { value = \"x\", list = [\n1,\n2] }\n")]
    [InlineData("auth_token = {\n  value = \"x\", # TOML 1.1\n}\n")]
    public void Every_line_of_a_multi_line_value_goes(string keyValue) => Assert.Equal("a = 1\nb = 2\n", Remove("a = 1\n" + keyValue + "b = 2\n"));

    [Theory]
    [InlineData("[profiles.x]\nauth_token = \"x\"\n")]
    [InlineData("a.auth_token = \"x\"\n")]
    [InlineData("auth_token.value = \"x\"\n")]
    [InlineData("\"auth_token.x\" = 1\n")]
    [InlineData("a = { auth_token = \"x\" }\n")]
    [InlineData("# auth_token = \"x\"\nb = \"auth_token = 1\"\n")]
    [InlineData("")]
    public void Keys_in_tables_dotted_keys_and_lookalikes_are_not_top_level(string text)
    {
        var config = Parse(text);

        Assert.Null(config.FindTopLevel("auth_token"));
        Assert.Null(config.WithoutTopLevelKey("auth_token"));
    }

    [Fact]
    public void Only_the_top_level_key_goes_when_a_table_has_one_too()
        => Assert.Equal("[profiles.work]\nauth_token = \"y\"\n", Remove("auth_token = \"x\"\n[profiles.work]\nauth_token = \"y\"\n"));

    // Positions as codex 0.169.0 prints them (checked by hand against the binary): 1-based, one column per character,
    // a BOM is a column of line 1. The detail after the position is Tomlyn's wording, not codex's.
    [Theory]
    [InlineData("a = 1\na = 2\n", "2:1")]
    [InlineData("a = \"abc\n", "1:9")]
    [InlineData("a = \"a\\qb\"\n", "1:8")]
    [InlineData("\uFEFFa = 1\na = 2\n", "2:1")]
    [InlineData("a = \"\U0001F600\" \"\n", "1:9")]
    public void Invalid_toml_names_path_line_and_column_as_codex_does(string text, string position)
        => Assert.StartsWith($"Error loading configuration: {Path}:{position}: ", ErrorOf(text));

    [Fact]
    public void A_bom_is_a_column_as_codex_counts_it()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes("a = \"x\" ?\n")).ToArray();

        Assert.StartsWith($"Error loading configuration: {Path}:1:10: ", ErrorOf(bytes));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', (byte)'=', (byte)'"', 0xC3, (byte)'"', (byte)'\n' }, "invalid utf-8 sequence of 1 bytes from index 3")]
    [InlineData(new byte[] { (byte)'a', (byte)'=', (byte)'"', 0xC3 }, "incomplete utf-8 byte sequence from index 3")]
    public void Invalid_utf8_fails_with_codex_wording(byte[] bytes, string detail)
        => Assert.Equal($"Error loading configuration: Failed to read config file {Path}: {detail}", ErrorOf(bytes));

    [Fact]
    public void Nesting_is_allowed_to_codex_depth_of_80_and_refused_beyond()
    {
        static string Nested(int depth) => "a = " + new string('[', depth) + new string(']', depth) + "\nb = " + string.Concat(Enumerable.Repeat("{c=", depth)) + "1" + new string('}', depth) + "\n";

        Assert.NotNull(Parse(Nested(80)).FindTopLevel("b"));
        Assert.StartsWith($"Error loading configuration: {Path}: ", ErrorOf(Nested(81)));
        Assert.StartsWith($"Error loading configuration: {Path}: ", ErrorOf("a = " + new string('[', 100_000) + new string(']', 100_000) + "\n"));
    }

    // Valid TOML that Tomlyn 2.10.2 refuses and codex 0.169.0 loads (CodexInteropTests checks codex's side): the module
    // reports "Error loading configuration" and changes nothing, so Get-CodexAuthStatus and Remove-CodexToken stop
    // where codex would go on. Pinned so an upgrade that fixes it shows here.
    [Theory]
    [InlineData("t = 1979-05-27T00:32:00.99999999\n")]
    [InlineData("a = \"\uFFFD\"\n")]
    [InlineData("# \uFFFD\na = 1\n")]
    public void Valid_toml_Tomlyn_refuses_is_a_configuration_error(string text)
        => Assert.StartsWith($"Error loading configuration: {Path}:1:", ErrorOf(text));
}
