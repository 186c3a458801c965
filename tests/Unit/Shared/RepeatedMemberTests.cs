using System.Text.Json.Nodes;
using LogoutModule.Core.Codex;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Salesforce;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Shared;

/// <summary>
/// Issue #10 fault 3: one repeated member name in an auth file, alias.json, a config file or codex auth.json ended the
/// cmdlet with "An item with the same key has already been added", naming no file. sf reads these files with
/// JSON.parse (last member wins, at the first one's place); codex's serde rejects a repeated known field, and that is
/// codex's own per-file error ("failed to deserialize CLI auth from file"), while `codex logout` still deletes the file.
/// </summary>
public sealed class RepeatedMemberTests
{
    private const string User1 = "user1@fixture1.example.com";
    private const string User4 = "user4@fixture4.example.com";

    [Fact]
    public void JSON_parse_keeps_the_last_value_at_the_first_members_place()
    {
        var node = (JsonObject)JsJson.Parse("{\"a\":1,\"b\":{\"x\":1,\"x\":[2]},\"a\":\"last\"}")!;

        Assert.Equal(new[] { "a", "b" }, node.Select(pair => pair.Key));
        Assert.Equal("{\"a\":\"last\",\"b\":{\"x\":[2]}}", JsJson.Stringify(node));
    }

    [Fact]
    public void Repeated_members_in_an_auth_file_alias_json_and_both_config_files_list_every_org_with_the_last_values()
    {
        using var home = SfHome.FromFixture();
        var authFile = home.AuthFilePath(User4);
        File.WriteAllText(authFile, File.ReadAllText(authFile).Replace("{", "{\n  \"orgId\": \"00D0000000000XXEAA\","));
        File.WriteAllText(Path.Combine(home.Sfdx, "alias.json"), "{\"orgs\":{\"org1\":\"nobody\",\"org1\":\"" + User1 + "\"},\"orgs\":{\"org1\":\"" + User1 + "\",\"again\":\"" + User4 + "\"}}");
        File.WriteAllText(Path.Combine(home.Home, ".sf", "config.json"), "{\"target-org\":\"nobody\",\"target-org\":\"again\"}");
        File.WriteAllText(Path.Combine(home.Sfdx, "sfdx-config.json"), "{\"defaultusername\":\"x\",\"defaultusername\":\"again\"}");
        var host = new FakeHost();

        GetAuthenticatedOrgOperation.Invoke(home.Context(), new GetAuthenticatedOrgRequest(), host);

        var orgs = host.OutputOf<OrgAuthorization>().ToDictionary(org => org.Username);
        Assert.Equal(12, orgs.Count);
        Assert.Empty(host.Errors);
        Assert.Equal("again", orgs[User4].Alias);
        Assert.True(orgs[User4].IsDefault);
        Assert.Equal("00D000000000005EAA", orgs[User4].OrgId); // the file's own, later, orgId wins
    }

    [Fact]
    public void A_repeated_member_in_alias_json_does_not_stop_logging_out_and_the_rewrite_keeps_the_last_values()
    {
        using var home = SfHome.FromFixture();
        var aliasFile = Path.Combine(home.Sfdx, "alias.json");
        File.WriteAllText(aliasFile, "{\"orgs\":{\"org1\":\"" + User1 + "\",\"org4\":\"nobody\",\"org4\":\"" + User4 + "\",\"org9\":\"user9@fixture9.example.com\"}}");

        var result = Assert.Single(DisconnectOrgTests.LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1" } }], Force = true }));

        Assert.Equal(User1, result.Username);
        Assert.False(File.Exists(home.AuthFilePath(User1)));
        Assert.Equal("{\"orgs\":{\"org4\":\"" + User4 + "\",\"org9\":\"user9@fixture9.example.com\"}}", File.ReadAllText(aliasFile));
    }

    [Fact]
    public void A_repeated_field_in_codex_auth_json_is_codexs_per_file_error_and_logout_still_deletes_the_file()
    {
        using var state = new CodexState();
        state.WriteAuth("{\"OPENAI_API_KEY\":\"sk-first-0123456789ABCDEF\",\"OPENAI_API_KEY\":\"sk-second-0123456789ABCDEF\"}");

        var statusHost = new FakeHost();
        GetCodexAuthStatusOperation.Invoke(state.Context(), new GetCodexAuthStatusRequest { CodexHome = state.Home }, statusHost);
        var status = statusHost.OutputOf<CodexAuthStatus>().Single();
        Assert.StartsWith("Error checking login status: failed to deserialize CLI auth from file: invalid credential JSON", status.Message);
        Assert.Contains("OPENAI_API_KEY", status.Message);
        Assert.Equal(1, status.ExitCode);
        Assert.Equal(state.AuthFile, Assert.Single(statusHost.Errors).TargetObject);

        var host = new FakeHost();
        RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home, Force = true }, host);
        Assert.False(File.Exists(state.AuthFile));
        Assert.DoesNotContain("sk-first", host.AllText());
        Assert.DoesNotContain("sk-second", host.AllText());
    }
}
