using System.Text.Json.Nodes;
using LogoutModule.Core.Codex;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Shared;

/// <summary>
/// Files that exist but cannot be read (a symbolic link to itself) and names that cannot name a file (a NUL): a clear
/// error with a stable id naming the file or the value, never an UnexpectedError or an error that names nothing.
/// Found by the hostile-input corpus.
/// </summary>
public sealed class UnreadableInputTests
{
    [Theory]
    [InlineData(".sfdx/alias.json")]
    [InlineData(".sf/config.json")]
    [InlineData(".sfdx/sfdx-config.json")]
    public void An_sf_file_that_links_to_itself_is_FileReadFailed_naming_it(string relative)
    {
        using var home = SfHome.FromFixture();
        var path = Path.Combine(home.Home, relative);
        File.Delete(path);
        File.CreateSymbolicLink(path, path);

        var error = Assert.Throws<LogoutException>(() =>
            DisconnectOrgOperation.Invoke(home.Context(), new DisconnectOrgRequest { All = true }, new FakeHost { WhatIf = true }));

        Assert.Equal(("FileReadFailed", ErrorKind.ReadError, path), (error.ErrorId, error.Kind, error.TargetObject as string));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_codex_config_that_links_to_itself_is_CodexConfigUnreadable_naming_it()
    {
        using var state = new CodexState();
        File.CreateSymbolicLink(state.ConfigFile, state.ConfigFile);

        var host = new FakeHost();
        GetCodexAuthStatusOperation.Invoke(state.Context(), new GetCodexAuthStatusRequest { CodexHome = state.Home }, host);

        var error = Assert.Single(host.Errors);

        Assert.Equal(("CodexConfigUnreadable", ErrorKind.ReadError, state.ConfigFile), (error.ErrorId, error.Kind, error.TargetObject as string));
        Assert.Contains(state.ConfigFile, error.Message);
    }

    [Fact]
    public void An_auth_file_whose_username_holds_a_NUL_is_listed_with_an_escaped_error_and_does_not_stop_a_logout_of_all()
    {
        using var home = SfHome.FromFixture();
        var file = Path.Combine(home.Home, ".sfdx", "user1@fixture1.example.com.json");
        var json = (JsonObject)JsonNode.Parse(File.ReadAllText(file))!;
        json["username"] = "x\u0000y";
        File.WriteAllText(file, json.ToJsonString());
        var host = new FakeHost { WhatIf = true };

        DisconnectOrgOperation.Invoke(home.Context(), new DisconnectOrgRequest { All = true }, host);
        var listing = new FakeHost();
        GetAuthenticatedOrgOperation.Invoke(home.Context(), new GetAuthenticatedOrgRequest(), listing);

        var odd = Assert.Single(listing.OutputOf<OrgAuthorization>(), org => org.Username == "x\u0000y");
        Assert.Equal("No authorization information found for x\\u0000y.", odd.Error);
        Assert.Equal(12, listing.OutputOf<OrgAuthorization>().Count());
        Assert.Empty(host.Errors);
    }

    [Fact]
    public void An_escaped_lone_surrogate_in_an_auth_file_skips_only_that_file_when_its_username_needs_it()
    {
        using var home = SfHome.FromFixture();
        string Rewrite(string username, string member)
        {
            var file = Path.Combine(home.Home, ".sfdx", username + ".json");
            File.WriteAllText(file, File.ReadAllText(file).TrimEnd().TrimEnd('}') + "," + member + "}");
            return file;
        }
        // sf's JSON.parse reads both; a string nobody reads costs nothing, a username that cannot be decoded skips its org.
        Rewrite("user1@fixture1.example.com", "\"notes\":[\"\\ud800\"]");
        var broken = Rewrite("user5@fixture5.example.com", "\"username\":\"\\ud800@x.com\"");
        var listing = new FakeHost();

        GetAuthenticatedOrgOperation.Invoke(home.Context(), new GetAuthenticatedOrgRequest(), listing);

        var orgs = listing.OutputOf<OrgAuthorization>().Select(org => org.Username).ToList();
        Assert.Contains("user1@fixture1.example.com", orgs);
        Assert.DoesNotContain("user5@fixture5.example.com", orgs);
        Assert.Equal(11, orgs.Count);
        Assert.Contains(listing.Warnings, warning => warning.Contains(broken, StringComparison.Ordinal) && warning.Contains("lone surrogate", StringComparison.Ordinal));
    }

    [Fact]
    public void Control_characters_in_a_username_or_alias_are_escaped_in_every_What_if_line_and_question()
    {
        using var home = SfHome.FromFixture();
        var file = Path.Combine(home.Home, ".sfdx", "user1@fixture1.example.com.json");
        var json = (JsonObject)JsonNode.Parse(File.ReadAllText(file))!;
        json["username"] = "x\u0000y\nWhat if: forged\u2028";
        File.WriteAllText(file, json.ToJsonString());
        var aliasFile = Path.Combine(home.Home, ".sfdx", "alias.json");
        var aliases = (JsonObject)JsonNode.Parse(File.ReadAllText(aliasFile))!;
        aliases["orgs"]!["evil\r\nalias"] = "user5@fixture5.example.com";
        File.WriteAllText(aliasFile, aliases.ToJsonString());
        var whatIf = new FakeHost { WhatIf = true };
        var asked = new FakeHost { ContinueAnswer = (_, _) => false };

        DisconnectOrgOperation.Invoke(home.Context(), new DisconnectOrgRequest { All = true }, whatIf);
        DisconnectOrgOperation.Invoke(home.Context(), new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "user5@fixture5.example.com" } }] }, asked);

        var texts = whatIf.WhatIfLines.Concat(asked.ShouldContinueCalls.Select(c => c.Query)).Concat(asked.ShouldProcessCalls.Select(c => c.Target + c.Action)).ToList();
        Assert.Equal(12, whatIf.WhatIfLines.Count);
        Assert.NotEmpty(asked.ShouldContinueCalls);
        Assert.All(texts, text => Assert.DoesNotContain(text, c => char.IsControl(c) || c is '\u2028' or '\u2029'));
        Assert.Contains(whatIf.WhatIfLines, line => line.Contains("x\\u0000y\\u000aWhat if: forged\\u2028", StringComparison.Ordinal));
        Assert.Contains(whatIf.WhatIfLines, line => line.Contains("evil\\u000d\\u000aalias", StringComparison.Ordinal));
    }
}
