using System.Text.Json.Nodes;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Salesforce;

/// <summary>
/// What Tab offers for -TargetOrg (OrgNames.CompleteOrg, behind OrgNameCompleter): the usernames of the auth files and
/// the aliases of alias.json, each once, in ordinal case-insensitive order, an exact match first.
/// </summary>
public sealed class OrgNamesTests
{
    [Fact]
    public void An_empty_word_offers_every_username_and_alias_once_case_insensitively_ordered_with_what_each_names()
    {
        using var home = SfHome.Empty();
        foreach (var username in new[] { "zed@b.example.com", "Amy@b.example.com", "amy@b.example.com", "bob@b.example.com" })
            home.WriteAuthFile(username, new JsonObject { ["orgId"] = "00D000000000001EAA" });
        home.WriteAliases(("dev", "bob@b.example.com"), ("Dev", "zed@b.example.com"), ("amy@b.example.com", "zed@b.example.com"), ("ädev", "amy@b.example.com"), ("_x", "bob@b.example.com"));
        File.WriteAllText(Path.Combine(home.Sfdx, "not-an-org.json"), "{}");
        File.WriteAllText(Path.Combine(home.Sfdx, "upper@b.example.com.JSON"), "{}");
        Directory.CreateDirectory(Path.Combine(home.Sfdx, "folder@b.example.com.json"));

        var completions = OrgNames.CompleteOrg(home.Context(), "");

        // Ordinal after folding to upper case ("_" sorts after "Z"), names that differ only in case in ordinal order.
        Assert.Equal(new[] { "Amy@b.example.com", "amy@b.example.com", "bob@b.example.com", "Dev", "dev", "zed@b.example.com", "_x", "ädev" },
            completions.Select(c => c.Name));
        Assert.Equal(completions.Select(c => c.Name), completions.Select(c => c.Text));
        Assert.Equal("amy@b.example.com", completions.Single(c => c.Name == "amy@b.example.com").ToolTip); // the username, not the alias of that name
        Assert.Equal("Dev (alias of zed@b.example.com)", completions.Single(c => c.Name == "Dev").ToolTip);
        Assert.Equal("ädev (alias of amy@b.example.com)", completions.Single(c => c.Name == "ädev").ToolTip);
    }

    [Fact]
    public void The_exact_spelling_typed_comes_first_then_the_rest_in_order_and_a_quote_opened_is_kept()
    {
        using var home = SfHome.Empty();
        home.WriteAuthFile("org1@b.example.com", new JsonObject { ["orgId"] = "00D000000000001EAA" });
        home.WriteAliases(("Org10", "org1@b.example.com"), ("org1", "org1@b.example.com"), ("ORG1", "org1@b.example.com"), ("org 1", "org1@b.example.com"));

        Assert.Equal(new[] { "org1", "ORG1", "Org10", "org1@b.example.com" }, OrgNames.CompleteOrg(home.Context(), "org1").Select(c => c.Text));
        Assert.Equal(new[] { "ORG1", "org1", "Org10", "org1@b.example.com" }, OrgNames.CompleteOrg(home.Context(), "ORG1").Select(c => c.Text));
        Assert.Equal(new[] { "'org 1'", "ORG1", "org1", "Org10", "org1@b.example.com" }, OrgNames.CompleteOrg(home.Context(), "Org").Select(c => c.Text));
        Assert.Equal(new[] { "\"org 1\"" }, OrgNames.CompleteOrg(home.Context(), "\"org ").Select(c => c.Text));
        Assert.Equal(new[] { "org 1", "ORG1", "org1", "Org10", "org1@b.example.com" }, OrgNames.CompleteOrg(home.Context(), "*1").Select(c => c.Name));
    }

    [Fact]
    public void Alias_json_is_read_as_JSON_parse_reads_it_and_a_broken_one_still_completes_usernames()
    {
        using var home = SfHome.Empty();
        home.WriteAuthFile("u@b.example.com", new JsonObject { ["orgId"] = "00D000000000001EAA" });
        var aliasFile = Path.Combine(home.Sfdx, "alias.json");
        File.WriteAllText(aliasFile, "{\"orgs\":{\"gone\":\"u@b.example.com\"},\"orgs\":{\"b\":\"first\",\"n\":1,\"a\":\"u@b.example.com\",\"b\":\"u@b.example.com\",\"a\":null,\"o\":{}}}");

        var completions = OrgNames.CompleteOrg(home.Context(), "");

        Assert.Equal(new[] { "b (alias of u@b.example.com)", "u@b.example.com" }, completions.Select(c => c.ToolTip));
        Assert.Equal(new[] { new KeyValuePair<string, string>("b", "u@b.example.com") }, AliasAccessor.GetAll(aliasFile));

        File.WriteAllText(aliasFile, "{\"orgs\":");
        Assert.Equal(new[] { "u@b.example.com" }, OrgNames.CompleteOrg(home.Context(), "").Select(c => c.Name));
        Assert.Equal("AliasFileInvalid", Assert.Throws<LogoutException>(() => AliasAccessor.GetAll(aliasFile)).ErrorId);
    }

    [Fact]
    public void Client_apps_are_the_clientApps_names_of_the_org_an_alias_or_username_names_each_telling_which_org()
    {
        using var home = SfHome.Empty();
        home.WriteAuthFile("amy@b.example.com", new JsonObject { ["orgId"] = "00D000000000001EAA", ["clientApps"] = new JsonObject { ["zeta"] = new JsonObject(), ["'odd app"] = new JsonObject() } });
        home.WriteAuthFile("bob@b.example.com", new JsonObject { ["orgId"] = "00D000000000002EAA" });
        home.WriteAliases(("amy", "amy@b.example.com"));

        var completions = OrgNames.CompleteClientApp(home.Context(), "amy", "");

        Assert.Equal(new[] { "'odd app", "zeta" }, completions.Select(c => c.Name));
        Assert.Equal(new[] { "'''odd app'", "zeta" }, completions.Select(c => c.Text));
        Assert.Equal(new[] { "'odd app (client app linked to amy@b.example.com)", "zeta (client app linked to amy@b.example.com)" }, completions.Select(c => c.ToolTip));
        Assert.Equal(new[] { "zeta" }, OrgNames.CompleteClientApp(home.Context(), "amy@b.example.com", "Z").Select(c => c.Name));
        Assert.Empty(OrgNames.CompleteClientApp(home.Context(), "bob@b.example.com", ""));
        Assert.Empty(OrgNames.CompleteClientApp(home.Context(), "nobody", ""));
        File.WriteAllText(home.AuthFilePath("amy@b.example.com"), "{ not json");
        Assert.Empty(OrgNames.CompleteClientApp(home.Context(), "amy", ""));
    }
}
