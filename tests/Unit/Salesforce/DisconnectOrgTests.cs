using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Spectre.Console.Testing;
using Xunit;

namespace LogoutModule.Tests.Salesforce;

/// <summary>Disconnect-Org: sf org logout's selection, confirmation and effects, on copies of the fixture home.</summary>
public sealed class DisconnectOrgTests
{
    private const string User0 = "user0@fixture0.example.com"; // hub + org0, global target-dev-hub
    private const string User1 = "user1@fixture1.example.com"; // org1, global target-org
    private const string User2 = "user2@fixture2.example.com"; // org2, project target-org, client app my-eca
    private const string User3 = "user3@fixture3.example.com"; // org3, scratch
    private const string User9 = "user9@fixture9.example.com"; // org9 + extra9

    internal static List<OrgLogoutResult> LogOut(SfHome home, DisconnectOrgRequest request, FakeHost? host = null, string? cwd = null)
    {
        host ??= new FakeHost();
        DisconnectOrgOperation.Invoke(home.Context(cwd), request, host);
        return host.OutputOf<OrgLogoutResult>().ToList();
    }


    internal static string Text(string path) => File.ReadAllText(path);
    internal static string GlobalConfig(SfHome home) => Path.Combine(home.Home, ".sf", "config.json");
    private static string GlobalMirror(SfHome home) => Path.Combine(home.Sfdx, "sfdx-config.json");
    private static string AliasFile(SfHome home) => Path.Combine(home.Sfdx, "alias.json");

    [Fact]
    public void By_alias_removes_the_config_keys_naming_it_in_both_global_files_its_alias_and_its_auth_file()
    {
        using var home = SfHome.FromFixture();
        var key = File.ReadAllBytes(Path.Combine(home.Sfdx, "key.json"));

        var result = Assert.Single(LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1" } }], Force = true }));

        Assert.Equal(User1, result.Username);
        Assert.True(result.AuthFileRemoved);
        Assert.False(File.Exists(home.AuthFilePath(User1)));
        Assert.Equal(new[] { "org1" }, result.AliasesRemoved);
        Assert.Equal(new[] { "target-org" }, result.ConfigKeysUnset.Select(k => k.Key));
        Assert.Equal("defaultusername", result.ConfigKeysUnset[0].MirrorKey);
        Assert.Equal("{\n  \"target-dev-hub\": \"hub\"\n}", Text(GlobalConfig(home)));
        Assert.Equal("{\n  \"defaultdevhubusername\": \"hub\"\n}", Text(GlobalMirror(home)));
        Assert.DoesNotContain("\"org1\"", Text(AliasFile(home)));
        Assert.Contains("\"org2\":\"user2@fixture2.example.com\"", Text(AliasFile(home)));
        Assert.Equal(key, File.ReadAllBytes(Path.Combine(home.Sfdx, "key.json")));
        Assert.Equal(RevocationStatus.NotRequested, result.Revocation);
        Assert.False(Directory.Exists(AliasFile(home) + ".lock"));
        Assert.False(Directory.Exists(GlobalConfig(home) + ".lock"));
    }

    [Fact]
    public void A_dev_hub_with_two_aliases_loses_both_aliases_and_the_default_dev_hub_in_one_alias_rewrite()
    {
        using var home = SfHome.FromFixture();
        var result = Assert.Single(LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { User0 } }], Force = true }));

        Assert.Equal(new[] { "hub", "org0" }, result.AliasesRemoved.OrderBy(a => a, StringComparer.Ordinal));
        Assert.Equal(new[] { "target-dev-hub" }, result.ConfigKeysUnset.Select(k => k.Key));
        Assert.Equal("{\n  \"target-org\": \"org1\"\n}", Text(GlobalConfig(home)));
        Assert.Equal("{\n  \"defaultusername\": \"org1\"\n}", Text(GlobalMirror(home)));
    }

    [Fact]
    public void Matching_is_exact_and_case_sensitive_and_an_unknown_name_is_a_non_terminating_error_while_others_proceed()
    {
        using var home = SfHome.FromFixture();
        var host = new FakeHost();
        var results = LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "ORG1", "nope", "extra9" } }], Force = true }, host);

        Assert.Equal(new[] { User9 }, results.Select(r => r.Username));
        Assert.Equal(new[] { "ORG1", "nope" }, host.Errors.Select(e => (string)e.TargetObject!));
        Assert.All(host.Errors, e => Assert.Equal("OrgNotFound", e.ErrorId));
        Assert.Equal("No authenticated org found with the nope username or alias.", host.Errors[1].Message);
        Assert.True(File.Exists(home.AuthFilePath(User1)));
    }

    [Fact]
    public void Pipeline_objects_are_matched_by_username_and_a_vanished_one_is_an_error()
    {
        using var home = SfHome.FromFixture();
        var orgs = new FakeHost();
        GetAuthenticatedOrgOperation.Invoke(home.Context(), new GetAuthenticatedOrgRequest { Names = new[] { "org5", "org7" } }, orgs);
        var inputs = orgs.OutputOf<OrgAuthorization>().ToList();
        File.Delete(inputs[1].AuthFile);
        var host = new FakeHost();

        var results = LogOut(home, new DisconnectOrgRequest { Selections = [new() { InputObjects = inputs }], Force = true }, host);

        Assert.Equal(new[] { inputs[0].Username }, results.Select(r => r.Username));
        Assert.Equal(inputs[1].Username, Assert.Single(host.Errors).TargetObject);
    }

    [Fact]
    public void Without_a_target_the_default_org_is_used_env_over_project_over_global()
    {
        using var home = SfHome.FromFixture();
        Assert.Equal(User1, Assert.Single(LogOut(home, new DisconnectOrgRequest { Force = true })).Username);
        Assert.Equal(User2, Assert.Single(LogOut(home, new DisconnectOrgRequest { Force = true }, cwd: home.Project)).Username);
        home.Environment["SF_TARGET_ORG"] = "org5";
        Assert.Equal("user5@fixture5.example.com", Assert.Single(LogOut(home, new DisconnectOrgRequest { Force = true }, cwd: home.Project)).Username);
    }

    [Fact]
    public void The_project_default_is_unset_in_both_project_files_only_when_run_inside_the_project()
    {
        using var outside = SfHome.FromFixture();
        var projectBefore = FolderSnapshot.Take(outside.Project);
        LogOut(outside, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org2" } }], Force = true });
        Assert.Equal(projectBefore, FolderSnapshot.Take(outside.Project));

        using var inside = SfHome.FromFixture();
        var globalBefore = File.ReadAllBytes(GlobalConfig(inside));
        var result = Assert.Single(LogOut(inside, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org2" } }], Force = true }, cwd: inside.Project));
        Assert.Equal("{}", Text(Path.Combine(inside.Project, ".sf", "config.json")));
        Assert.Equal("{}", Text(Path.Combine(inside.Project, ".sfdx", "sfdx-config.json")));
        Assert.Equal(globalBefore, File.ReadAllBytes(GlobalConfig(inside)));
        Assert.True(Directory.Exists(Path.Combine(inside.Project, ".sf", "orgs", "00D000000000003EAA")));
        Assert.Equal(Path.Combine(inside.Project, ".sf", "config.json"), Assert.Single(result.ConfigKeysUnset).ConfigFile);
    }

    [Fact]
    public void All_logs_out_of_every_org_and_leaves_key_sandbox_files_and_the_stale_project_default()
    {
        using var home = SfHome.FromFixture();
        var host = new FakeHost();
        var results = LogOut(home, new DisconnectOrgRequest { All = true, Force = true }, host);

        Assert.Equal(12, results.Count);
        Assert.Equal(new[] { "00D000000000005EAA.sandbox.json", "00D000000000012EAA.sandbox.json", "alias.json", "key.json", "sfdx-config.json" },
            Directory.EnumerateFiles(home.Sfdx).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("{\"orgs\":{}}", Text(AliasFile(home)));
        Assert.Equal("{}", Text(GlobalConfig(home)));
        Assert.Equal("{}", Text(GlobalMirror(home)));
        Assert.Contains("org2", Text(Path.Combine(home.Project, ".sf", "config.json")));
        Assert.Contains(DisconnectOrgOperation.ScratchOrgWarning, host.Warnings);
        Assert.All(host.Progress, p => Assert.Equal(host.Progress[0].ActivityId, p.ActivityId));
        Assert.True(host.Progress.Last().Completed);
    }

    [Fact]
    public void A_legacy_only_global_default_is_unset_in_both_files_creating_sf_config_as_sf_does()
    {
        using var home = SfHome.FromFixture();
        Directory.Delete(Path.Combine(home.Home, ".sf"), recursive: true);
        LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1" } }], Force = true });
        Assert.Equal("{\n  \"target-dev-hub\": \"hub\"\n}", Text(GlobalConfig(home)));
        Assert.Equal("{\n  \"defaultdevhubusername\": \"hub\"\n}", Text(GlobalMirror(home)));
    }

    [Fact]
    public void An_org_named_by_no_config_or_alias_takes_no_lock_and_rewrites_neither_file()
    {
        using var home = SfHome.FromFixture();
        home.WriteAuthFile("solo@fixture.example.com", new JsonObject { ["orgId"] = "00D0000000000SOLO", ["instanceUrl"] = "https://solo.example.com" });
        var before = FolderSnapshot.Take(home.Home);
        Directory.CreateDirectory(AliasFile(home) + ".lock"); // a held lock would fail the run if it were taken
        Directory.CreateDirectory(GlobalConfig(home) + ".lock");

        var result = Assert.Single(LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "solo@fixture.example.com" } }], Force = true }));

        Assert.Empty(result.AliasesRemoved);
        Assert.Empty(result.ConfigKeysUnset);
        before.Remove(Path.Combine(".sfdx", "solo@fixture.example.com.json"));
        var after = FolderSnapshot.Take(home.Home);
        after.Remove(Path.Combine(".sfdx", "alias.json.lock"));
        after.Remove(Path.Combine(".sf", "config.json.lock"));
        Assert.Equal(before, after);
    }

    [Fact]
    public void WhatIf_describes_every_change_per_org_and_changes_no_byte()
    {
        using var home = SfHome.FromFixture();
        var before = FolderSnapshot.Take(home.Home);
        var host = new FakeHost { WhatIf = true };

        var results = LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "hub", "org2" } }] }, host, cwd: home.Project);

        Assert.Empty(results);
        Assert.Equal(before, FolderSnapshot.Take(home.Home));
        Assert.Equal(2, host.WhatIfLines.Count);
        var hub = host.WhatIfLines[0];
        Assert.Contains($"\"{User0} (hub,org0)\"", hub);
        Assert.Contains(home.AuthFilePath(User0), hub);
        Assert.Contains($"remove the alias(es) hub, org0 from {AliasFile(home)}", hub);
        Assert.Contains($"unset target-dev-hub in {GlobalConfig(home)} and defaultdevhubusername in {GlobalMirror(home)}", hub);
        Assert.Contains($"unset target-org in {Path.Combine(home.Project, ".sf", "config.json")}", host.WhatIfLines[1]);
        Assert.Empty(host.ShouldContinueCalls);
    }

    [Fact]
    public void Without_Force_each_org_is_confirmed_with_sfs_question_and_no_skips_it()
    {
        using var home = SfHome.FromFixture();
        var host = new FakeHost { ContinueAnswer = (query, _) => query.Contains(User1) };

        var results = LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1", "org5" } }] }, host);

        Assert.Equal(new[] { User1 }, results.Select(r => r.Username));
        Assert.Equal($"Are you sure you want to log out of {User1}?", host.ShouldContinueCalls[0].Query);
        Assert.Equal(DisconnectOrgOperation.Caption, host.ShouldContinueCalls[0].Caption);
        Assert.True(File.Exists(Path.Combine(home.Sfdx, "user5@fixture5.example.com.json")));
    }

    [Fact]
    public void A_refused_ShouldProcess_skips_the_org_without_asking_ShouldContinue()
    {
        using var home = SfHome.FromFixture();
        var host = new FakeHost { ProcessAnswer = (target, _) => !target.StartsWith(User1, StringComparison.Ordinal), ContinueAnswer = (_, _) => true };
        var results = LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1", "org5" } }] }, host);
        Assert.Equal(new[] { "user5@fixture5.example.com" }, results.Select(r => r.Username));
        Assert.Single(host.ShouldContinueCalls);
    }

    [Fact]
    public void A_session_that_cannot_confirm_fails_before_changing_anything()
    {
        using var home = SfHome.FromFixture();
        var before = FolderSnapshot.Take(home.Home);
        var error = Assert.Throws<LogoutException>(() => LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1" } }] }));
        Assert.Equal("ConfirmationNotPossible", error.ErrorId);
        Assert.Equal(before, FolderSnapshot.Take(home.Home));
    }

    [Fact]
    public void With_no_target_and_no_default_an_interactive_host_offers_the_sorted_list_with_none_preselected()
    {
        using var home = SfHome.FromFixture();
        File.WriteAllText(GlobalConfig(home), "{}");
        File.WriteAllText(GlobalMirror(home), "{}");
        var host = new FakeHost { ChoiceAnswer = choices => new[] { choices.ToList().FindIndex(c => c.Label == User3) } };

        var result = Assert.Single(LogOut(home, new DisconnectOrgRequest { Force = true }, host));

        Assert.Equal(User3, result.Username);
        var prompt = Assert.Single(host.ChoicePrompts);
        Assert.Equal(DisconnectOrgOperation.SelectionMessage, prompt.Message);
        Assert.Equal(12, prompt.Choices.Count);
        Assert.Equal((User0, "DevHub; aliases hub,org0"), (prompt.Choices[0].Label, prompt.Choices[0].HelpMessage));
        Assert.Equal(new[] { "hub", "org0" }, prompt.Choices[0].Names);
        Assert.Contains(DisconnectOrgOperation.ScratchOrgWarning, host.Warnings);
    }

    /// <summary>A console's arrow-key list, driven by these keys on Spectre's TestConsole.</summary>
    private static FakeHost ConsoleHost(params ConsoleKey[] keys) => new()
    {
        PickAnswer = (choices, allSelected) =>
        {
            var console = new TestConsole().Interactive();
            foreach (var key in keys) console.Input.PushKey(key);
            return ChoicePicker.Show(console, DisconnectOrgOperation.PickerTitle, choices, allSelected, CancellationToken.None);
        },
        ContinueAnswer = (_, _) => true,
    };

    private static void ForgetDefaults(SfHome home)
    {
        File.WriteAllText(GlobalConfig(home), "{}");
        File.WriteAllText(GlobalMirror(home), "{}");
    }

    [Fact]
    public void With_no_target_and_no_default_a_console_shows_the_arrow_key_list_none_selected_and_logs_out_the_rows_toggled()
    {
        using var home = SfHome.FromFixture();
        ForgetDefaults(home);
        // Rows sorted by username: user0, user10, user11, user1, ...; Down, Space picks user10; Down x2, Space picks user1.
        var host = ConsoleHost(ConsoleKey.DownArrow, ConsoleKey.Spacebar, ConsoleKey.DownArrow, ConsoleKey.DownArrow, ConsoleKey.Spacebar, ConsoleKey.Enter);

        var results = LogOut(home, new DisconnectOrgRequest(), host);

        Assert.Equal(new[] { "user10@fixture10.example.com", User1 }, results.Select(r => r.Username));
        var pick = Assert.Single(host.Picks);
        Assert.False(pick.AllSelected);
        Assert.Equal(DisconnectOrgOperation.PickerTitle, pick.Title);
        Assert.Empty(host.ChoicePrompts); // the line prompt is only for hosts without the list
        Assert.Equal(2, host.ShouldContinueCalls.Count); // then the final confirmation, as before
        Assert.True(File.Exists(home.AuthFilePath(User0)));
    }

    [Fact]
    public void Selecting_nothing_in_the_list_logs_out_nothing_and_is_no_error()
    {
        using var home = SfHome.FromFixture();
        ForgetDefaults(home);
        var before = FolderSnapshot.Take(home.Home);
        var host = ConsoleHost(ConsoleKey.Enter);

        Assert.Empty(LogOut(home, new DisconnectOrgRequest(), host));

        Assert.Empty(host.Errors);
        Assert.Empty(host.ShouldContinueCalls);
        Assert.Contains("No orgs selected for logout.", host.Verbose);
        Assert.Equal(before, FolderSnapshot.Take(home.Home));
    }

    [Fact]
    public void With_All_a_console_shows_the_list_with_every_org_selected_and_a_row_cleared_stays_logged_in()
    {
        using var home = SfHome.FromFixture();
        var host = ConsoleHost(ConsoleKey.Spacebar, ConsoleKey.Enter); // clears the first row, user0

        var results = LogOut(home, new DisconnectOrgRequest { All = true }, host);

        Assert.True(Assert.Single(host.Picks).AllSelected);
        Assert.Equal(11, results.Count);
        Assert.DoesNotContain(User0, results.Select(r => r.Username));
        Assert.True(File.Exists(home.AuthFilePath(User0)));
        Assert.False(File.Exists(home.AuthFilePath(User1)));
    }

    [Fact]
    public void With_All_and_Force_or_WhatIf_no_list_is_shown()
    {
        using var home = SfHome.FromFixture();
        var whatIf = new FakeHost { WhatIf = true, PickAnswer = (_, _) => throw new InvalidOperationException("no list under -WhatIf") };
        Assert.Empty(LogOut(home, new DisconnectOrgRequest { All = true, WhatIf = true }, whatIf));
        Assert.Equal(12, whatIf.WhatIfLines.Count);

        var force = new FakeHost { PickAnswer = (_, _) => throw new InvalidOperationException("no list with -Force") };
        Assert.Equal(12, LogOut(home, new DisconnectOrgRequest { All = true, Force = true }, force).Count);
        Assert.Empty(force.Picks.Concat(whatIf.Picks));
    }

    [Fact]
    public void With_All_and_no_console_every_org_is_confirmed_as_before()
    {
        using var home = SfHome.FromFixture();
        var host = new FakeHost { ContinueAnswer = (_, _) => true };
        Assert.Equal(12, LogOut(home, new DisconnectOrgRequest { All = true }, host).Count);
        Assert.Single(host.Picks); // asked, and the host had no console to show it on
        Assert.Empty(host.ChoicePrompts);
    }

    [Fact]
    public void Ctrl_C_in_the_list_stops_before_anything_changes()
    {
        using var home = SfHome.FromFixture();
        ForgetDefaults(home);
        var before = FolderSnapshot.Take(home.Home);
        using var stopping = new CancellationTokenSource();
        var host = new FakeHost
        {
            Stopping = stopping.Token,
            PickAnswer = (choices, allSelected) =>
            {
                var console = new TestConsole().Interactive();
                console.Input.PushKey(ConsoleKey.Spacebar);
                stopping.Cancel(); // Ctrl+C while the list is up
                return ChoicePicker.Show(console, DisconnectOrgOperation.PickerTitle, choices, allSelected, stopping.Token);
            },
        };

        Assert.ThrowsAny<OperationCanceledException>(() => LogOut(home, new DisconnectOrgRequest { Force = true }, host));

        Assert.Empty(host.Output);
        Assert.Equal(before, FolderSnapshot.Take(home.Home));
    }

    [Fact]
    public void With_no_target_no_default_and_no_prompt_the_error_says_to_pass_TargetOrg_or_All()
    {
        using var home = SfHome.FromFixture();
        File.WriteAllText(GlobalConfig(home), "{}");
        File.WriteAllText(GlobalMirror(home), "{}");
        var error = Assert.Throws<LogoutException>(() => LogOut(home, new DisconnectOrgRequest { Force = true }));
        Assert.Equal("NoOrgSpecified", error.ErrorId);
        Assert.Contains("-TargetOrg", error.Message);
        Assert.Contains("-All", error.Message);
    }

    [Fact]
    public void A_stale_default_logs_out_nothing_and_keeps_its_config()
    {
        using var home = SfHome.FromFixture();
        File.Delete(home.AuthFilePath(User1));
        var before = FolderSnapshot.Take(home.Home);
        var host = new FakeHost();
        Assert.Empty(LogOut(home, new DisconnectOrgRequest { Force = true }, host));
        Assert.Equal(before, FolderSnapshot.Take(home.Home));
        Assert.Contains(host.Warnings, w => w.StartsWith("No orgs found to log out of", StringComparison.Ordinal));
    }

    [Fact]
    public void The_scratch_warning_appears_only_when_a_scratch_org_is_selected()
    {
        using var home = SfHome.FromFixture();
        var host = new FakeHost();
        LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1" } }], Force = true }, host);
        Assert.DoesNotContain(DisconnectOrgOperation.ScratchOrgWarning, host.Warnings);
        LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org3" } }], Force = true }, host);
        Assert.Contains(DisconnectOrgOperation.ScratchOrgWarning, host.Warnings);
    }

    [Fact]
    public void An_undecryptable_org_is_still_a_candidate()
    {
        using var home = SfHome.FromFixture();
        home.WriteAuthFile("broken@fixture.example.com", new JsonObject { ["accessToken"] = "x", ["orgId"] = "00D0000000000BRKN" }, key: new string('1', 32));
        var result = Assert.Single(LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "broken@fixture.example.com" } }], Force = true }));
        Assert.True(result.AuthFileRemoved);
    }

    [Fact]
    public void A_held_alias_lock_is_an_error_naming_the_file_and_no_auth_file_is_deleted()
    {
        using var home = SfHome.FromFixture();
        Directory.CreateDirectory(AliasFile(home) + ".lock");
        var aliasBefore = File.ReadAllBytes(AliasFile(home));
        var error = Assert.Throws<LogoutException>(() => LogOut(home, new DisconnectOrgRequest
        {
            Selections = [new() { TargetOrgs = new[] { "org9" } }], Force = true, LockPolicy = new LockRetryPolicy(1, TimeSpan.FromMilliseconds(10)),
        }));
        Assert.Equal("LockHeld", error.ErrorId);
        Assert.Contains(AliasFile(home), error.Message);
        Assert.Equal(aliasBefore, File.ReadAllBytes(AliasFile(home)));
        Assert.True(File.Exists(home.AuthFilePath(User9)));
    }

    [Fact]
    public void Aliases_a_concurrent_sf_changes_after_the_plan_are_kept_and_the_planned_ones_still_naming_the_org_go()
    {
        using var home = SfHome.FromFixture();
        // Between the confirmation and the apply phase, sf points extra9 at another org and adds a new alias for org9.
        var host = new FakeHost
        {
            ContinueAnswer = (_, _) =>
            {
                File.WriteAllText(AliasFile(home), Text(AliasFile(home))
                    .Replace("\"extra9\":\"user9@fixture9.example.com\"", "\"extra9\":\"user5@fixture5.example.com\"")
                    .Replace("{\"orgs\":{", "{\"orgs\":{\"new\":\"user9@fixture9.example.com\","));
                return true;
            },
        };

        var result = Assert.Single(LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org9" } }] }, host));

        Assert.Equal(new[] { "org9" }, result.AliasesRemoved);
        var aliases = Text(AliasFile(home));
        Assert.Contains("\"extra9\":\"user5@fixture5.example.com\"", aliases);
        Assert.Contains("\"new\":\"user9@fixture9.example.com\"", aliases); // not planned, so not removed (sf's removeAuth keeps it too)
        Assert.DoesNotContain("\"org9\"", aliases);
        Assert.Contains("\"org5\"", aliases);
    }

    [Fact]
    public void An_auth_file_gone_after_the_plan_is_AuthFileMissing_and_the_other_orgs_are_logged_out()
    {
        using var home = SfHome.FromFixture();
        // Between the confirmation and the apply phase a concurrent sf logs out of org9, and a folder takes the place of
        // org1's auth file: neither is a file to delete any more (sf's fs.unlink would fail on both).
        var host = new FakeHost
        {
            ContinueAnswer = (_, _) =>
            {
                if (!File.Exists(home.AuthFilePath(User9))) return true;
                File.Delete(home.AuthFilePath(User9));
                File.Delete(home.AuthFilePath(User1));
                Directory.CreateDirectory(home.AuthFilePath(User1));
                return true;
            },
        };

        var results = LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org9", "org1", "org2" } }] }, host);

        Assert.Equal(new[] { User2 }, results.Select(result => result.Username));
        Assert.False(File.Exists(home.AuthFilePath(User2)));
        Assert.Equal(new[] { ("AuthFileMissing", User9), ("AuthFileMissing", User1) }, host.Errors.Select(e => (e.ErrorId, (string)e.TargetObject!)));
        Assert.Equal($"The auth file {home.AuthFilePath(User9)} of {User9} no longer exists.", host.Errors[0].Message);
        Assert.True(Directory.Exists(home.AuthFilePath(User1))); // a folder is never deleted
    }

    [RootFact]
    public void An_auth_file_that_cannot_be_deleted_is_AuthFileNotRemoved_and_the_other_orgs_are_logged_out()
    {
        using var home = SfHome.FromFixture();
        // The immutable flag stops even root from deleting the file (ext4, xfs, btrfs; chattr needs root).
        var chattr = ProcessRunner.Run("chattr", ["+i", home.AuthFilePath(User9)]);
        Assert.True(chattr.ExitCode == 0, $"chattr +i failed: {chattr.StandardError}");
        try
        {
            var host = new FakeHost();
            var results = LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org9", "org2" } }], Force = true }, host);

            Assert.Equal(new[] { User2 }, results.Select(result => result.Username));
            var error = Assert.Single(host.Errors);
            Assert.Equal(("AuthFileNotRemoved", User9), (error.ErrorId, (string)error.TargetObject!));
            Assert.StartsWith($"Cannot delete the auth file {home.AuthFilePath(User9)} of {User9}: ", error.Message);
            Assert.True(File.Exists(home.AuthFilePath(User9)));
            Assert.False(File.Exists(home.AuthFilePath(User2)));
        }
        finally
        {
            ProcessRunner.Run("chattr", ["-i", home.AuthFilePath(User9)]);
        }
    }

    [Fact]
    public void ClientApp_removes_only_that_app_accepting_an_alias_and_the_org_stays_logged_in()
    {
        using var home = SfHome.FromFixture();
        var before = home.ReadJson(home.AuthFilePath(User2));

        var result = Assert.Single(LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org2" } }], ClientApp = "my-eca", Force = true }));

        Assert.Equal("my-eca", result.ClientAppRemoved);
        Assert.False(result.AuthFileRemoved);
        var after = home.ReadJson(home.AuthFilePath(User2));
        Assert.False(after.ContainsKey("clientApps"));
        before.Remove("clientApps");
        Assert.True(JsonNode.DeepEquals(before, after));
        Assert.Contains("\"org2\"", Text(AliasFile(home)));
        Assert.False(Text(home.AuthFilePath(User2)).EndsWith("\n", StringComparison.Ordinal));
    }

    [Fact]
    public void ClientApp_errors_are_worded_as_sfs()
    {
        using var home = SfHome.FromFixture();
        var host = new FakeHost();
        LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1" } }], ClientApp = "my-eca", Force = true }, host);
        LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org2" } }], ClientApp = "other", Force = true }, host);
        Assert.Equal(new[] { "NoLinkedApps", "InvalidClientApp" }, host.Errors.Select(e => e.ErrorId));
        Assert.Equal($"{User1} doesn't have any linked client apps.", host.Errors[0].Message);
        Assert.Equal($"{User2} doesn't have a linked client app named \"other\".", host.Errors[1].Message);
        Assert.Empty(host.Output);
    }

    [Fact]
    public void Revoke_posts_the_decrypted_refresh_token_and_an_already_invalid_token_counts_as_revoked_and_no_token_leaks()
    {
        using var home = SfHome.FromFixture();
        var secrets = home.DecryptedSecrets();
        // Refresh tokens are revoked; the JWT org's access token is already invalid, as Salesforce answers for an expired one.
        using var server = new LoopbackRevokeServer(token => token.StartsWith("00D", StringComparison.Ordinal) ? 400 : 200);
        var users = new[] { User1, "user6@fixture6.example.com", "user5@fixture5.example.com" };
        foreach (var user in users) PointAt(home, user, server.BaseUrl);
        var host = new FakeHost();

        var results = LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1", "org6", "org5" } }], Force = true, Revoke = true }, host);

        Assert.Equal(users, results.Select(r => r.Username)); // the selection's order, whatever order the answers came in
        Assert.All(results, r => Assert.True(r.AuthFileRemoved));
        Assert.Equal(3, server.Tokens.Count);
        Assert.All(server.Tokens, token => Assert.Contains(token, secrets));
        var jwt = results[1];
        Assert.Equal(RevocationStatus.AlreadyInvalid, jwt.Revocation);
        Assert.Contains("HTTP 400 invalid_token", jwt.RevocationReason);
        Assert.Equal(new[] { RevocationStatus.Revoked, RevocationStatus.Revoked }, new[] { results[0].Revocation, results[2].Revocation });
        Assert.Empty(host.Errors);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, host.AllText()));
    }

    [Fact]
    public void An_unreachable_revocation_server_keeps_the_org_logged_in_with_a_RevokeFailed_error_and_the_others_go_on()
    {
        using var home = SfHome.FromFixture();
        using var server = new LoopbackRevokeServer(_ => 200);
        PointAt(home, User1, "http://127.0.0.1:9"); // discard port: nothing listens
        PointAt(home, User2, server.BaseUrl);
        var before = FolderSnapshot.Take(home.Home);
        var host = new FakeHost();

        var result = Assert.Single(LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1", "org2" } }], Force = true, Revoke = true }, host));

        Assert.Equal(User2, result.Username);
        Assert.Equal(RevocationStatus.Revoked, result.Revocation);
        var error = Assert.Single(host.Errors);
        Assert.Equal("RevokeFailed", error.ErrorId);
        Assert.Equal(ErrorKind.ConnectionError, error.Kind);
        Assert.Equal(User1, error.TargetObject);
        Assert.Contains("127.0.0.1:9", error.Message);
        Assert.Contains("not logged out", error.Message);
        // org1 keeps everything: its auth file, its alias and the target-org naming it.
        Assert.Equal(before[".sfdx/" + User1 + ".json"], FolderSnapshot.Take(home.Home)[".sfdx/" + User1 + ".json"]);
        Assert.Contains("\"org1\"", Text(AliasFile(home)));
        Assert.Contains("\"target-org\": \"org1\"", Text(GlobalConfig(home)));
        Assert.False(File.Exists(home.AuthFilePath(User2)));
        Assert.All(home.DecryptedSecrets(), secret => Assert.DoesNotContain(secret, host.AllText()));
    }

    [Fact]
    public void Revoke_of_all_orgs_refuses_an_ftp_or_non_loopback_http_instance_before_any_connection_and_logs_out_the_rest()
    {
        using var home = SfHome.FromFixture();
        using var server = new LoopbackRevokeServer(_ => 200);
        var authFiles = Directory.EnumerateFiles(home.Sfdx, "*.json").Where(path => OrgReader.IsAuthFileName(Path.GetFileName(path))).ToList();
        foreach (var file in authFiles) PointAt(home, Path.GetFileNameWithoutExtension(file), server.BaseUrl);
        PointAt(home, User1, "ftp://fixture1.example.com");
        PointAt(home, User2, "http://fixture2.example.com"); // a made-up public host: never contacted
        var host = new FakeHost();

        var results = LogOut(home, new DisconnectOrgRequest { All = true, Force = true, Revoke = true }, host);

        Assert.Equal(authFiles.Count - 2, results.Count);
        Assert.Equal(authFiles.Count - 2, server.Tokens.Count);
        Assert.Equal(new[] { User1, User2 }, host.Errors.Select(e => e.TargetObject).OrderBy(t => t));
        Assert.All(host.Errors, e => Assert.Equal("RevokeFailed", e.ErrorId));
        Assert.All(host.Errors, e => Assert.Contains("is not https (http is allowed only on loopback)", e.Message));
        Assert.True(File.Exists(home.AuthFilePath(User1)));
        Assert.True(File.Exists(home.AuthFilePath(User2)));
    }

    [Theory]
    [InlineData(503, "HTTP 503")]
    [InlineData(401, "HTTP 401")]
    [InlineData(0, "no answer within")]
    public void A_server_error_a_refusal_or_a_timeout_is_a_RevokeFailed_and_changes_nothing(int status, string reason)
    {
        using var home = SfHome.FromFixture();
        using var server = new LoopbackRevokeServer(_ => status == 0 ? 200 : status);
        if (status == 0) server.Delay = TimeSpan.FromSeconds(5);
        PointAt(home, User1, server.BaseUrl);
        var before = FolderSnapshot.Take(home.Home);
        var host = new FakeHost();

        var results = LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1" } }], Force = true, Revoke = true, Timeout = TimeSpan.FromMilliseconds(status == 0 ? 300 : 20_000) }, host);

        Assert.Empty(results);
        var error = Assert.Single(host.Errors);
        Assert.Equal("RevokeFailed", error.ErrorId);
        Assert.Contains(reason, error.Message);
        Assert.Equal(before, FolderSnapshot.Take(home.Home));
    }

    [Fact]
    public void Ctrl_C_during_revocation_returns_at_once_and_changes_nothing()
    {
        using var home = SfHome.FromFixture();
        using var server = new LoopbackRevokeServer(_ => 200) { Delay = TimeSpan.FromSeconds(30) };
        foreach (var user in new[] { User1, User2, User3 }) PointAt(home, user, server.BaseUrl);
        var before = FolderSnapshot.Take(home.Home);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var host = new FakeHost { Stopping = stop.Token };
        var watch = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1", "org2", "org3" } }], Force = true, Revoke = true }, host));

        // "At once" against the server's 30-second answer: the bound leaves room for a loaded 2-core machine running the
        // other test classes in parallel (1.3 s was exceeded there: 1577 ms), and is still far below any wait for the server.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(before, FolderSnapshot.Take(home.Home));
        Assert.Empty(host.Output);
    }

    [Fact]
    public void WhatIf_with_Revoke_names_the_revocation_and_contacts_no_server()
    {
        using var home = SfHome.FromFixture();
        using var server = new LoopbackRevokeServer(_ => 200);
        PointAt(home, User1, server.BaseUrl);
        PointAt(home, User2, "ftp://fixture2.example.com");
        var host = new FakeHost { WhatIf = true };

        Assert.Empty(LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1", "org2" } }], Revoke = true }, host));

        Assert.Contains($"revoke its token at {server.BaseUrl}/services/oauth2/revoke", host.WhatIfLines[0]);
        Assert.Contains("revoke its token (cannot be done: the revocation address ftp://fixture2.example.com/services/oauth2/revoke is not https", host.WhatIfLines[1]);
        Assert.Empty(server.Tokens);
    }

    [Theory]
    [InlineData("alias.json")]
    [InlineData("config.json")]
    [InlineData("sfdx-config.json")]
    public async Task A_file_sf_is_rewriting_under_its_lock_is_read_once_sf_is_done_and_the_logout_completes(string which)
    {
        using var home = SfHome.FromFixture();
        var (file, lockOf) = which switch
        {
            "alias.json" => (AliasFile(home), AliasFile(home)),
            "config.json" => (GlobalConfig(home), GlobalConfig(home)),
            _ => (GlobalMirror(home), GlobalConfig(home)), // sf writes the mirror under .sf/config.json's lock
        };
        var complete = File.ReadAllText(file);
        // sf's writer (fs.writeFile under proper-lockfile) caught half-way: the lock is held and the file is truncated.
        Directory.CreateDirectory(lockOf + ".lock");
        File.WriteAllText(file, complete.Substring(0, complete.Length / 2));
        var writer = Task.Run(async () =>
        {
            await Task.Delay(300);
            File.WriteAllText(file, complete);
            Directory.Delete(lockOf + ".lock");
        });
        var host = new FakeHost();

        var result = Assert.Single(LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1" } }], Force = true }, host));
        await writer;

        Assert.Empty(host.Errors);
        Assert.True(result.AuthFileRemoved);
        Assert.Equal(new[] { "org1" }, result.AliasesRemoved);
        Assert.Equal(new[] { "target-org" }, result.ConfigKeysUnset.Select(k => k.Key));
    }

    [Fact]
    public void An_invalid_alias_file_nobody_is_writing_is_reported_at_once()
    {
        using var home = SfHome.FromFixture();
        File.WriteAllText(AliasFile(home), "{\"orgs\": {");
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<LogoutException>(() => LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1" } }], Force = true }));

        Assert.Equal("AliasFileInvalid", error.ErrorId);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void A_killed_runs_temp_files_and_stale_locks_are_removed_by_the_next_logout_with_a_warning_and_fresh_ones_are_kept()
    {
        using var home = SfHome.FromFixture();
        var old = DateTime.UtcNow.AddMinutes(-1);
        string Leftover(string path) { File.WriteAllText(path, "{\"orgs\":{"); File.SetLastWriteTimeUtc(path, old); return path; }
        var aliasTemp = Leftover(Path.Combine(home.Sfdx, ".alias.json.1a2b3c4d.tmp"));
        var configTemp = Leftover(Path.Combine(home.Home, ".sf", ".config.json.deadbeef.tmp"));
        var notOurs = Leftover(Path.Combine(home.Sfdx, ".someone-else.tmp"));
        var fresh = Path.Combine(home.Sfdx, ".alias.json.0badf00d.tmp"); // a concurrent run's write in progress
        File.WriteAllText(fresh, "{");
        var staleLock = Path.Combine(home.Home, ".sf", "config.json.lock");
        Directory.CreateDirectory(staleLock);
        Directory.SetLastWriteTimeUtc(staleLock, old);
        var host = new FakeHost();

        var result = Assert.Single(LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1" } }], Force = true }, host));

        Assert.True(result.AuthFileRemoved);
        Assert.False(File.Exists(aliasTemp));
        Assert.False(File.Exists(configTemp));
        Assert.False(Directory.Exists(staleLock));
        Assert.True(File.Exists(notOurs));
        Assert.True(File.Exists(fresh));
        Assert.Contains(host.Warnings, w => w == $"Removed {aliasTemp}, left behind by an interrupted run.");
        Assert.Contains(host.Warnings, w => w.Contains(staleLock));
    }

    /// <summary>Points an org's instance URL (what -Revoke posts to) at <paramref name="url"/>.</summary>
    internal static void PointAt(SfHome home, string username, string url)
    {
        var json = home.ReadJson(home.AuthFilePath(username));
        json["instanceUrl"] = url;
        File.WriteAllText(home.AuthFilePath(username), JsJson.Stringify(json, 2));
    }

    /// <summary>A loopback /services/oauth2/revoke that records each posted token and answers by a rule.</summary>
    internal sealed class LoopbackRevokeServer : IDisposable
    {
        private readonly LoopbackServer _server;
        private readonly Func<string, int> _status;

        public LoopbackRevokeServer(Func<string, int> status)
        {
            _status = status;
            _server = new LoopbackServer(Answer);
        }

        private LoopbackResponse Answer(RecordedRequest request)
        {
            var body = request.BodyText;
            var ok = request.Method == "POST" && request.Path == "/services/oauth2/revoke"
                && request.Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true
                && body.StartsWith("token=", StringComparison.Ordinal);
            if (!ok) return new LoopbackResponse(404);
            var token = Uri.UnescapeDataString(body.Substring("token=".Length));
            lock (Tokens) Tokens.Add(token);
            var answer = _status(token);
            return new LoopbackResponse(answer, answer == 400 ? "{\"error\":\"invalid_token\",\"error_description\":\"invalid token\"}" : "");
        }

        public string BaseUrl => _server.BaseUrl;
        public TimeSpan Delay { get => _server.Delay; set => _server.Delay = value; }
        public List<string> Tokens { get; } = new();

        public void Dispose() => _server.Dispose();
    }

    [Theory]
    [InlineData("by username")]
    [InlineData("all")]
    public void A_copied_auth_file_sharing_a_username_is_left_in_place_as_sf_does_while_the_real_org_is_logged_out(string selection)
    {
        using var home = SfHome.FromFixture();
        var copy = home.AuthFilePath("copy@fixture0.example.com");
        File.Copy(home.AuthFilePath(User0), copy);
        var copyBytes = File.ReadAllBytes(copy);
        var host = new FakeHost();
        var request = selection == "all" ? new DisconnectOrgRequest { All = true, Force = true } : new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { User0 } }], Force = true };

        var results = LogOut(home, request, host);

        Assert.False(File.Exists(home.AuthFilePath(User0)));
        Assert.Equal(copyBytes, File.ReadAllBytes(copy));
        var real = Assert.Single(results, r => r.Username == User0);
        Assert.Equal(home.AuthFilePath(User0), real.AuthFile);
        Assert.Equal(new[] { "hub", "org0" }, real.AliasesRemoved.OrderBy(a => a, StringComparer.Ordinal));
        Assert.Equal(new[] { "target-dev-hub" }, real.ConfigKeysUnset.Select(k => k.Key));
        Assert.Contains(AuthRemover.StrayCopyLeft(copy, User0), host.Warnings);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public void Revoke_with_a_key_json_whose_key_fits_no_sf_version_logs_out_locally_and_reports_the_token_as_not_revoked()
    {
        using var home = SfHome.FromFixture();
        home.WriteKey(new string('k', 31)); // fixture tokens are encrypted, so nothing is sent anywhere
        var host = new FakeHost();

        var result = Assert.Single(LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1" } }], Force = true, Revoke = true }, host));

        Assert.True(result.AuthFileRemoved);
        Assert.Equal(RevocationStatus.NotRevoked, result.Revocation);
        Assert.Contains("key", result.RevocationReason);
        Assert.DoesNotContain(new string('k', 31), host.AllText());
    }

    [Fact]
    public void When_the_alias_file_cannot_be_locked_the_progress_is_still_completed_and_no_auth_file_is_deleted()
    {
        using var home = SfHome.FromFixture();
        Directory.CreateDirectory(AliasFile(home) + ".lock"); // fresh: held by a concurrent sf
        var host = new FakeHost();

        var error = Assert.Throws<LogoutException>(() => LogOut(home, new DisconnectOrgRequest
        {
            Selections = [new() { TargetOrgs = new[] { "org1", "org2" } }], Force = true, LockPolicy = new LockRetryPolicy(1, TimeSpan.FromMilliseconds(10)),
        }, host));

        Assert.Equal("LockHeld", error.ErrorId);
        Assert.True(host.Progress.Last().Completed);
        Assert.True(File.Exists(home.AuthFilePath(User1)));
        // Every lock is taken before any file changes (#10 fault 7): the default target-org still names org1.
        Assert.Contains("\"target-org\": \"org1\"", Text(GlobalConfig(home)));
        Assert.Contains("\"defaultusername\": \"org1\"", Text(GlobalMirror(home)));
    }

    [Fact]
    public void A_symlinked_global_config_stays_a_symlink_and_its_target_gets_the_new_content_with_its_mode()
    {
        using var home = SfHome.FromFixture();
        var config = GlobalConfig(home);
        var target = Path.Combine(home.Home, "dotfiles", "sf-config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(config, target);
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.CreateSymbolicLink(config, target);

        LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "org1" } }], Force = true });

        Assert.Equal(target, new FileInfo(config).LinkTarget);
        Assert.Equal("{\n  \"target-dev-hub\": \"hub\"\n}", Text(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(config)!, ".*.tmp"));
    }
}
