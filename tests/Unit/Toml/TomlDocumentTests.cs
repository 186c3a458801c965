using System.Text;
using LogoutModule.Core.Toml;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Toml;

/// <summary>Removing a top-level key keeps every other byte (codex-cli.md §7).</summary>
public sealed class TomlDocumentTests
{
    private static string Remove(string text) => TomlDocument.Parse(text).RemoveTopLevelKey("auth_token")!;

    [Fact]
    public void The_reference_fixture_loses_exactly_its_auth_token_line()
    {
        var original = File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "codex-config-auth_token.toml"));
        var expected = File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "codex-config-auth_token.expected.toml"));

        var edited = TomlDocument.Parse(original).RemoveTopLevelKey("auth_token")!;

        Assert.Equal(expected, new UTF8Encoding(false).GetBytes(edited));
    }

    [Theory]
    [InlineData("auth_token")]
    [InlineData("\"auth_token\"")]
    [InlineData("'auth_token'")]
    [InlineData("\"auth\\u005Ftoken\"")]
    public void Every_spelling_of_the_key_is_the_same_key(string spelling)
    {
        Assert.Equal("a = 1\nb = 2\n", Remove($"a = 1\n{spelling} = \"x\"\nb = 2\n"));
    }

    [Fact]
    public void Crlf_line_endings_stay_crlf()
    {
        Assert.Equal("# c\r\na = 1\r\n\r\nb = 2\r\n", Remove("# c\r\na = 1\r\nauth_token = \"x\"\r\n\r\nb = 2\r\n"));
    }

    [Fact]
    public void A_bom_is_kept_even_when_the_key_is_on_the_first_line()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes("auth_token = \"x\"\nmodel = \"o3\"\n")).ToArray();

        var edited = TomlDocument.Parse(bytes).RemoveTopLevelKey("auth_token")!;

        Assert.Equal("\uFEFFmodel = \"o3\"\n", edited);
    }

    [Theory]
    [InlineData("a = 1\nauth_token = \"x\"", "a = 1")]
    [InlineData("a = 1\r\nauth_token = \"x\"  # old", "a = 1")]
    [InlineData("auth_token = \"x\"\na = 1", "a = 1")]
    [InlineData("auth_token = \"x\"", "")]
    public void A_missing_final_newline_stays_missing(string text, string expected)
    {
        Assert.Equal(expected, Remove(text));
    }

    [Fact]
    public void A_comment_on_the_same_line_and_indentation_go_with_it()
    {
        Assert.Equal("a = 1\n# kept\nb = 2\n", Remove("a = 1\n# kept\n  \tauth_token = 'x' # legacy, from the design doc\nb = 2\n"));
    }

    [Theory]
    [InlineData("auth_token = \"\"\"\nline one\nline two\"\"\"\n")]
    [InlineData("auth_token = '''\nline one\n  auth_token = 'x'\n'''  # end\n")]
    [InlineData("auth_token = [\n  \"a\", # one\n  \"b\",\n]\n")]
    [InlineData("auth_token = { value = \"x\", list = [\n1,\n2] }\n")]
    public void Every_line_of_a_multi_line_value_goes(string keyValue)
    {
        Assert.Equal("a = 1\nb = 2\n", Remove("a = 1\n" + keyValue + "b = 2\n"));
    }

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
        var document = TomlDocument.Parse(text);

        Assert.Null(document.FindTopLevel("auth_token"));
        Assert.Null(document.RemoveTopLevelKey("auth_token"));
    }

    [Fact]
    public void Only_the_top_level_key_goes_when_a_table_has_one_too()
    {
        var text = "auth_token = \"x\"\n[profiles.work]\nauth_token = \"y\"\n";

        Assert.Equal("[profiles.work]\nauth_token = \"y\"\n", Remove(text));
    }

    [Fact]
    public void The_edited_text_still_parses_and_keeps_the_other_values()
    {
        var edited = TomlDocument.Parse(Remove("model = \"gpt-5\"\nauth_token = \"x\"\n[profiles.work]\nmodel = \"o3\"\n"));

        Assert.Equal(["model", "profiles"], edited.Root.Keys);
        var work = (TomlTable)((TomlTable)edited.Root["profiles"])["work"];
        Assert.Equal("o3", ((TomlString)work["model"]).Value);
    }

    [Fact]
    public void A_found_key_value_gives_its_value_and_the_value_position()
    {
        var keyValue = TomlDocument.Parse("# c\n  'auth_token' =   \"tok\"\n").FindTopLevel("auth_token")!;

        Assert.Equal("auth_token", keyValue.Key);
        Assert.Equal("tok", Assert.IsType<TomlString>(keyValue.Value).Value);
        Assert.Equal((2, 20), (keyValue.Line, keyValue.Column));
    }

    [Theory]
    [InlineData("a = 1\nauth_token = \n", 2, 14)]
    [InlineData("a = 1\na = 2\n", 2, 1)]
    [InlineData("[t]\nx = 1\n[t]\n", 3, 2)]
    [InlineData("s = \"é\\q\"\n", 1, 7)]
    public void Invalid_text_is_rejected_with_line_and_column(string text, int line, int column)
    {
        var error = Assert.Throws<TomlParseException>(() => TomlDocument.Parse(text));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.EndsWith($"at line {line}, column {column}", error.Message);
    }

    [Fact]
    public void A_bom_is_not_a_column()
    {
        var error = Assert.Throws<TomlParseException>(() => TomlDocument.Parse("\uFEFFa = ?\n"));

        Assert.Equal((1, 5), (error.Line, error.Column));
    }

    [Fact]
    public void Absurdly_deep_nesting_is_a_parse_error_not_a_crash()
    {
        var deep = "a = " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var error = Assert.Throws<TomlParseException>(() => TomlDocument.Parse(deep));

        Assert.Equal((1, 505), (error.Line, error.Column));
        Assert.Equal(2, ((TomlArray)TomlDocument.Parse("a = [[[1]], {b = {c = [2]}}]\n").Root["a"]).Count);
    }

    [Fact]
    public void Invalid_utf8_is_rejected_with_its_position()
    {
        var bytes = Encoding.UTF8.GetBytes("a = 1\nb = \"xy").Concat(new byte[] { 0xC3, (byte)'"', (byte)'\n' }).ToArray();

        var error = Assert.Throws<TomlParseException>(() => TomlDocument.Parse(bytes));

        Assert.Equal((2, 8), (error.Line, error.Column));
    }

    [Fact]
    public void Values_keep_their_kinds_and_date_times_their_source_text()
    {
        var root = TomlDocument.Parse("i = 0xff\nf = -inf\nb = true\nd = 1979-05-27 07:32:00.5-07:00\nt = 07:32:00\nl = 1979-05-27\n").Root;
        Assert.Equal(255, ((TomlInteger)root["i"]).Value);
        Assert.Equal(double.NegativeInfinity, ((TomlFloat)root["f"]).Value);
        Assert.True(((TomlBoolean)root["b"]).Value);
        var date = (TomlDateTime)root["d"];
        Assert.Equal((TomlValueKind.OffsetDateTime, "1979-05-27 07:32:00.5-07:00"), (date.Kind, date.Text));
        Assert.Equal(TomlValueKind.LocalTime, root["t"].Kind);
        Assert.Equal(TomlValueKind.LocalDate, root["l"].Kind);
    }
}
