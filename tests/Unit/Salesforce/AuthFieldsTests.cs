using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;
using Xunit;

namespace LogoutModule.Tests.Salesforce;

/// <summary>
/// The one-pass reading of an auth file (AuthFields) gives what sf sees after JSON.parse: the last value of a repeated
/// name, escapes decoded, every secret at any depth checked and only those JSON.parse keeps. Checked against a JSON tree
/// built by JsJson.Parse (JSON.parse's rules), on hand-written cases and on 3,000 generated documents.
/// </summary>
public sealed class AuthFieldsTests
{
    private static AuthFields? Parse(string json, SecretCheck? check = null) => AuthFields.Parse(Encoding.UTF8.GetBytes(json), check);

    /// <summary>A check that records what it was lent and fails the values starting with "bad".</summary>
    private static SecretCheck Recording(List<string> seen) => value =>
    {
        seen.Add(value.ToString());
        return !value.StartsWith("bad".AsSpan(), StringComparison.Ordinal);
    };

    [Fact]
    public void A_repeated_name_keeps_its_last_value_and_a_failing_secret_JSON_parse_dropped_does_not_count()
    {
        var fields = Parse("""{"username":"first@x.com","tokens":{"refreshToken":"bad"},"username":"last@x.com","tokens":{"accessToken":"good"}}""", Recording(new List<string>()))!;

        Assert.Equal("last@x.com", fields.Username);
        Assert.True(fields.SecretsPass);
    }

    [Fact]
    public void Escaped_names_are_the_names_they_spell()
    {
        var seen = new List<string>();
        var fields = Parse("""{"user\u006eame":"a@x.com","isScr\u0061tch":true,"client\u0053ecret":"s\u00e9"}""", Recording(seen))!;

        Assert.Equal("a@x.com", fields.Username);
        Assert.True(fields.IsScratch);
        Assert.Equal("s\u00e9", seen.Last());
    }

    [Fact]
    public void Secrets_are_checked_at_any_depth_in_objects_and_arrays_until_one_fails_and_clientApps_lists_its_names_in_file_order()
    {
        var seen = new List<string>();
        var fields = Parse("""{"clientApps":{"b":{"accessToken":"t1"},"a":{"clientSecret":"t2"}},"list":[{"PASSWORD":"bad3"},["x"],{"n":[{"myToken":"t4"}]}],"name":"n"}""", Recording(seen))!;

        Assert.Equal(new[] { "b", "a" }, fields.ClientApps);
        Assert.Equal(new[] { "t1", "t2", "bad3" }, seen);
        Assert.False(fields.SecretsPass);
    }

    [Fact]
    public void Token_fields_are_only_known_to_be_set_or_empty()
    {
        var fields = Parse("""{"refreshToken":"\u0000","privateKey":"","password":"p"}""")!;

        Assert.True(fields.HasRefreshToken);
        Assert.False(fields.HasPrivateKey);
        Assert.True(fields.HasPassword);
    }

    [Theory]
    [InlineData("""{"username":5,"isScratch":"true","isDevHub":1,"password":null}""")]
    [InlineData("""{"username":["a@x.com"],"isScratch":false,"clientApps":["a"]}""")]
    public void A_value_of_another_type_counts_as_absent(string json)
    {
        var fields = Parse(json)!;

        Assert.Null(fields.Username);
        Assert.False(fields.IsScratch);
        Assert.False(fields.IsDevHub);
        Assert.False(fields.HasPassword);
        Assert.Empty(fields.ClientApps);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void A_root_that_is_not_an_object_gives_no_fields(string json) => Assert.Null(Parse(json));

    [Theory]
    [InlineData("")]
    [InlineData("{} x")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":1 /* c */}")]
    [InlineData("{\"a\":")]
    public void Text_JSON_parse_rejects_is_a_JsonException(string json)
        => Assert.ThrowsAny<JsonException>(() => Parse(json));

    [Fact]
    public void Nesting_deeper_than_64_levels_is_a_JsonException_as_for_the_tree()
    {
        var deep = "{\"a\":" + new string('[', 64) + new string(']', 64) + "}";

        Assert.ThrowsAny<JsonException>(() => JsJson.Parse(deep));
        Assert.ThrowsAny<JsonException>(() => Parse(deep));
    }

    [Fact]
    public void Generated_documents_with_repeated_and_escaped_names_read_as_their_JSON_parse_tree()
    {
        var random = new Random(20261130);
        for (var run = 0; run < 3000; run++)
        {
            var json = JsonObjectText(random, depth: 0);
            var expected = FromTree((JsonObject)JsJson.Parse(json)!);
            var actual = Describe(Parse(json, value => !value.StartsWith("v7".AsSpan(), StringComparison.Ordinal))!);
            Assert.True(expected == actual, $"{json}\nexpected {expected}\nactual   {actual}");
        }
    }

    private static readonly string[] Names =
    {
        "username", "user\\u006eame", "orgId", "instanceUrl", "loginUrl", "devHubUsername", "expirationDate", "trailExpirationDate",
        "privateKey", "password", "refreshToken", "accessToken", "isDevHub", "isScratch", "isSandbox", "clientApps", "client\\u0041pps",
        "clientSecret", "tokens", "x", "name", "\\u0078",
    };

    private static string JsonObjectText(Random random, int depth)
    {
        var members = Enumerable.Range(0, random.Next(depth == 0 ? 1 : 0, 7))
            .Select(_ => $"\"{Names[random.Next(Names.Length)]}\":{ValueText(random, depth + 1)}");
        return "{" + string.Join(",", members) + "}";
    }

    private static string ValueText(Random random, int depth) => random.Next(depth < 4 ? 9 : 6) switch
    {
        0 => "null",
        1 => "true",
        2 => "false",
        3 => random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture),
        4 => $"\"v{random.Next(100)}\"",
        5 => $"\"v{random.Next(100)}\\u0021\"",
        6 or 7 => JsonObjectText(random, depth),
        _ => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => ValueText(random, depth + 1))) + "]",
    };

    /// <summary>What sf reads, from the JSON.parse tree: the reference the one-pass reading must agree with.</summary>
    private static string FromTree(JsonObject json)
    {
        string? Text(string name) => JsJson.AsString(json[name]);
        bool Flag(string name) => json[name] is JsonValue value && value.TryGetValue(out bool flag) && flag;
        bool NonEmpty(string name) => !string.IsNullOrEmpty(Text(name));
        var secrets = new List<string>();
        void Collect(JsonNode? node)
        {
            if (node is JsonObject obj)
                foreach (var pair in obj)
                {
                    if (Crypto.IsSecretProperty(pair.Key) && JsJson.AsString(pair.Value) is { } text) secrets.Add(text);
                    Collect(pair.Value);
                }
            else if (node is JsonArray array)
                foreach (var item in array) Collect(item);
        }
        Collect(json);
        var apps = json["clientApps"] is JsonObject appObject ? appObject.Select(pair => pair.Key) : Enumerable.Empty<string>();
        return string.Join("|", Text("username"), Text("orgId"), Text("instanceUrl"), Text("loginUrl"), Text("devHubUsername"),
            Text("expirationDate"), Text("trailExpirationDate"), NonEmpty("privateKey"), NonEmpty("password"), NonEmpty("refreshToken"),
            Flag("isDevHub"), Flag("isScratch"), Flag("isSandbox"), string.Join(",", apps), !secrets.Any(value => value.StartsWith("v7", StringComparison.Ordinal)));
    }

    private static string Describe(AuthFields f)
        => string.Join("|", f.Username, f.OrgId, f.InstanceUrl, f.LoginUrl, f.DevHubUsername, f.ExpirationDate, f.TrailExpirationDate,
            f.HasPrivateKey, f.HasPassword, f.HasRefreshToken, f.IsDevHub, f.IsScratch, f.IsSandbox,
            string.Join(",", f.ClientApps), f.SecretsPass);
}
