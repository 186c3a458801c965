using LogoutModule.Core.Salesforce;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Salesforce;

/// <summary>-HomePath: another home's global state with the session's location, its key, and one logout per home.</summary>
public sealed class HomePathTests
{
    private const string User1 = "user1@fixture1.example.com"; // org1, global target-org
    private const string User2 = "user2@fixture2.example.com"; // org2, project target-org

    private static List<OrgAuthorization> List(SalesforceContext context, FakeHost host)
    {
        GetAuthenticatedOrgOperation.Invoke(context, new GetAuthenticatedOrgRequest(), host);
        return host.OutputOf<OrgAuthorization>().ToList();
    }

    [Fact]
    public void Another_home_is_read_with_its_global_state_and_the_project_config_of_the_current_location()
    {
        using var session = SfHome.FromFixture();
        using var other = SfHome.FromFixture();
        File.Delete(other.AuthFilePath(User1));

        var orgs = List(session.Context(currentDirectory: session.Project).ForHome(other.Home), new FakeHost());

        Assert.Equal(11, orgs.Count);
        Assert.All(orgs, org => Assert.Equal(other.Home, org.HomePath));
        Assert.All(orgs, org => Assert.StartsWith(other.Sfdx, org.AuthFile));
        Assert.Equal(User2, orgs.Single(org => org.IsDefault).Username); // the session's project sets target-org
    }

    [Fact]
    public void The_session_home_needs_no_HomePath_and_says_which_home_it_is()
    {
        using var home = SfHome.FromFixture();
        var context = home.Context();

        Assert.False(context.IsOtherUsersHome);
        Assert.False(context.ForHome(home.Home + "/").IsOtherUsersHome);
        Assert.All(List(context, new FakeHost()), org => Assert.Equal(home.Home, org.HomePath));
    }

    [Fact]
    public void Another_users_Secret_Service_key_is_never_looked_up_the_orgs_are_listed_undecrypted_with_one_warning()
    {
        using var session = SfHome.FromFixture();
        using var other = SfHome.FromFixture();
        using var temp = new TempDirectory();
        // A secret-tool that answers this session's (wrong) key and records being asked.
        var calls = temp.Combine("calls");
        var secretTool = temp.Combine("secret-tool");
        File.WriteAllText(secretTool, $"#!/bin/sh\necho called >> '{calls}'\necho 00000000000000000000000000000000\n");
        File.SetUnixFileMode(secretTool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        session.Environment.Remove("SF_USE_GENERIC_UNIX_KEYCHAIN");
        session.Environment["SFDX_SECRET_TOOL_PATH"] = secretTool;
        var host = new FakeHost();

        var orgs = List(session.Context().ForHome(other.Home), host);

        Assert.False(File.Exists(calls));
        Assert.Equal(12, orgs.Count);
        Assert.All(orgs, org => Assert.Null(org.Error));
        var warning = Assert.Single(host.Warnings, text => text.Contains("cannot reach"));
        Assert.Contains(other.Home, warning);
        Assert.Contains("-Revoke", warning);

        // The session's own home still asks its own keychain.
        List(session.Context(), new FakeHost());
        Assert.True(File.Exists(calls));
    }

    [Fact]
    public void Another_users_orgs_are_logged_out_from_their_files_without_the_key()
    {
        using var session = SfHome.FromFixture();
        using var other = SfHome.FromFixture();
        session.Environment.Remove("SF_USE_GENERIC_UNIX_KEYCHAIN");
        session.Environment["SFDX_SECRET_TOOL_PATH"] = "/bin/true";
        var host = new FakeHost();

        DisconnectOrgOperation.Invoke(session.Context(), new DisconnectOrgRequest { Selections = [new() { HomePath = other.Home }], All = true, Force = true }, host);

        Assert.Equal(12, host.OutputOf<OrgLogoutResult>().Count());
        Assert.All(host.OutputOf<OrgLogoutResult>(), result => Assert.Equal(other.Home, result.HomePath));
        Assert.Empty(Directory.EnumerateFiles(other.Sfdx, "*@*.json"));
        Assert.True(File.Exists(session.AuthFilePath(User1)));
    }

    [Fact]
    public void Org_objects_from_several_homes_are_logged_out_each_in_the_home_it_was_listed_from()
    {
        using var session = SfHome.FromFixture();
        using var a = SfHome.FromFixture();
        using var b = SfHome.FromFixture();
        var fromA = List(session.Context().ForHome(a.Home), new FakeHost()).Single(org => org.Username == User1);
        var fromB = List(session.Context().ForHome(b.Home), new FakeHost()).Single(org => org.Username == User2);
        var host = new FakeHost();

        DisconnectOrgOperation.Invoke(session.Context(), new DisconnectOrgRequest
        {
            Selections = [new() { InputObjects = new[] { fromA } }, new() { InputObjects = new[] { fromB } }],
            Force = true,
        }, host);

        Assert.Equal(new[] { (a.Home, User1), (b.Home, User2) }, host.OutputOf<OrgLogoutResult>().Select(r => (r.HomePath, r.Username)));
        Assert.False(File.Exists(a.AuthFilePath(User1)));
        Assert.True(File.Exists(a.AuthFilePath(User2)));
        Assert.False(File.Exists(b.AuthFilePath(User2)));
        Assert.True(File.Exists(b.AuthFilePath(User1)));
        Assert.Equal(12, Directory.EnumerateFiles(session.Sfdx, "*@*.json").Count());
        Assert.Empty(host.Errors);
    }
}
