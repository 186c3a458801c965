using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Salesforce;

/// <summary>
/// Issue 10, fault 7: a Disconnect-Org stopped half-way (killed between two files) had left the default target-org
/// unset while the alias and the auth file stayed, and the next run said nothing. The run's journal in
/// <c>~/.sfdx/.logoutmodule/</c> lets the next Disconnect-Org finish that logout and say so.
/// </summary>
public sealed class InterruptedLogoutTests
{
    private const string User1 = "user1@fixture1.example.com"; // org1, global target-org
    private const string User5 = "user5@fixture5.example.com"; // org5

    private static string JournalFolder(SfHome home) => Path.Combine(home.Sfdx, ".logoutmodule");

    /// <summary>What a run killed after unsetting org1's config keys leaves: the keys gone, alias and auth file in place, its journal.</summary>
    private static string Interrupted(SfHome home, DateTime? startedAt = null)
    {
        File.WriteAllText(Path.Combine(home.Home, ".sf", "config.json"), "{\n  \"target-dev-hub\": \"hub\"\n}");
        File.WriteAllText(Path.Combine(home.Sfdx, "sfdx-config.json"), "{\n  \"defaultdevhubusername\": \"hub\"\n}");
        Directory.CreateDirectory(JournalFolder(home));
        var journal = Path.Combine(JournalFolder(home), "disconnect-0badf00d.json");
        File.WriteAllText(journal, JsJson.Stringify(new System.Text.Json.Nodes.JsonObject
        {
            ["startedAt"] = (startedAt ?? DateTime.UtcNow).ToString("o"),
            ["orgs"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["username"] = User1, ["authFile"] = home.AuthFilePath(User1) }),
        }, 2));
        return journal;
    }

    [Fact]
    public void The_next_Disconnect_Org_finishes_an_interrupted_logout_and_says_so()
    {
        using var home = SfHome.FromFixture();
        File.SetLastWriteTimeUtc(home.AuthFilePath(User1), DateTime.UtcNow.AddMinutes(-5)); // logged in before the run
        Interrupted(home);
        var host = new FakeHost();

        var results = DisconnectOrgTests.LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org5" } }], Force = true }, host);

        Assert.Equal(new[] { User5, User1 }, results.Select(r => r.Username));
        Assert.Equal(new[] { "org1" }, results[1].AliasesRemoved);
        Assert.False(File.Exists(home.AuthFilePath(User1)));
        Assert.DoesNotContain("\"org1\"", File.ReadAllText(Path.Combine(home.Sfdx, "alias.json")));
        var warning = Assert.Single(host.Warnings, w => w.Contains("interrupted", StringComparison.Ordinal));
        Assert.Equal($"Finished the logout of {User1}, which an interrupted Disconnect-Org had left half done.", warning);
        Assert.Empty(host.ShouldContinueCalls); // -Force; without it only the selected org5 is asked (see below)
        Assert.False(Directory.Exists(JournalFolder(home)));
        Assert.Empty(host.Errors);
    }

    [Fact]
    public void An_unfinished_logout_is_shown_by_WhatIf_and_asked_through_ShouldProcess_only_and_Get_AuthenticatedOrg_names_it()
    {
        using var home = SfHome.FromFixture();
        File.SetLastWriteTimeUtc(home.AuthFilePath(User1), DateTime.UtcNow.AddMinutes(-5));
        var journal = Interrupted(home);
        var before = File.ReadAllBytes(journal);

        var whatIf = new FakeHost { WhatIf = true };
        Assert.Empty(DisconnectOrgTests.LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org5" } }] }, whatIf));
        Assert.Contains(whatIf.WhatIfLines, line => line.Contains("Finish the interrupted logout: ", StringComparison.Ordinal)
            && line.Contains($"remove the alias(es) org1", StringComparison.Ordinal) && line.Contains(home.AuthFilePath(User1), StringComparison.Ordinal));
        Assert.True(File.Exists(home.AuthFilePath(User1)));
        Assert.Equal(before, File.ReadAllBytes(journal));

        var listing = new FakeHost();
        GetAuthenticatedOrgOperation.Invoke(home.Context(), new GetAuthenticatedOrgRequest(), listing);
        Assert.Contains(listing.Warnings, w => w.StartsWith($"An interrupted Disconnect-Org left the logout of {User1} half done", StringComparison.Ordinal));
        Assert.Equal(before, File.ReadAllBytes(journal));

        var asked = new FakeHost { ContinueAnswer = (_, _) => true };
        var results = DisconnectOrgTests.LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org5" } }] }, asked);
        Assert.Equal(new[] { User5, User1 }, results.Select(r => r.Username));
        Assert.Equal($"Are you sure you want to log out of {User5}?", Assert.Single(asked.ShouldContinueCalls).Query);
        Assert.Equal(2, asked.ShouldProcessCalls.Count);
    }

    [Fact]
    public void A_journal_a_running_Disconnect_Org_holds_is_left_to_it()
    {
        using var home = SfHome.FromFixture();
        var journal = Interrupted(home);
        using var held = new FileStream(journal, FileMode.Open, FileAccess.ReadWrite, FileShare.None); // that run's own handle
        var host = new FakeHost();

        var result = Assert.Single(DisconnectOrgTests.LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org5" } }], Force = true }, host));

        Assert.Equal(User5, result.Username);
        Assert.True(File.Exists(home.AuthFilePath(User1)));
        Assert.True(File.Exists(journal));
        Assert.DoesNotContain(host.Warnings, w => w.Contains("interrupted", StringComparison.Ordinal));
    }

    [Fact]
    public void An_org_logged_in_again_since_the_interrupted_run_stays_logged_in_with_a_warning()
    {
        using var home = SfHome.FromFixture();
        Interrupted(home, startedAt: DateTime.UtcNow.AddHours(-1));
        File.SetLastWriteTimeUtc(home.AuthFilePath(User1), DateTime.UtcNow); // written after that run started: a new login
        var host = new FakeHost();

        var result = Assert.Single(DisconnectOrgTests.LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org5" } }], Force = true }, host));

        Assert.Equal(User5, result.Username);
        Assert.True(File.Exists(home.AuthFilePath(User1)));
        Assert.Contains(host.Warnings, w => w.Contains($"confirmed the logout of {User1}", StringComparison.Ordinal) && w.EndsWith("it stays logged in.", StringComparison.Ordinal));
        Assert.False(Directory.Exists(JournalFolder(home)));
    }

    [Fact]
    public void A_completed_run_leaves_no_journal_and_a_journal_killed_while_being_written_is_removed_once_stale()
    {
        using var home = SfHome.FromFixture();
        Directory.CreateDirectory(JournalFolder(home));
        var damaged = Path.Combine(JournalFolder(home), "disconnect-deadbeef.json");
        File.WriteAllText(damaged, "{\"startedAt\":\"20");
        File.SetLastWriteTimeUtc(damaged, DateTime.UtcNow.AddMinutes(-1));

        DisconnectOrgTests.LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1" } }], Force = true });

        Assert.False(Directory.Exists(JournalFolder(home)));
    }
}
