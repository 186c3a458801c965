using System.Text.Json.Nodes;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Salesforce;

/// <summary>Get-AuthenticatedOrg lists what `sf org list auth --json` lists, from the same files.</summary>
public sealed class GetAuthenticatedOrgTests
{
    private static List<OrgAuthorization> List(SfHome home, string? cwd = null, IReadOnlyList<string>? names = null, FakeHost? host = null, DateTimeOffset? now = null)
    {
        host ??= new FakeHost();
        GetAuthenticatedOrgOperation.Invoke(home.Context(cwd, now), new GetAuthenticatedOrgRequest { Names = names ?? Array.Empty<string>() }, host);
        return host.OutputOf<OrgAuthorization>().ToList();
    }

    [Fact]
    public void Fixture_home_lists_exactly_what_the_real_sf_listed()
    {
        using var home = SfHome.FromFixture();
        var expected = (JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "sf-home-list-auth.json")))!["result"]!;

        var ours = new JsonArray(List(home).Select(org => (JsonNode)SfListJson.ToSfEntry(org)).ToArray());

        Assert.Equal(SfListJson.Normalise(expected), SfListJson.Normalise(ours));
    }

    [Fact]
    public void Inside_the_project_the_local_target_org_wins()
    {
        using var home = SfHome.FromFixture();
        var orgs = List(home, cwd: Path.Combine(home.Project, "force-app")).ToDictionary(o => o.Username);

        Assert.Empty(orgs["user1@fixture1.example.com"].Configs);
        Assert.Equal(new[] { "target-org" }, orgs["user2@fixture2.example.com"].Configs);
        Assert.True(orgs["user2@fixture2.example.com"].IsDefault);
        Assert.True(orgs["user0@fixture0.example.com"].IsDefaultDevHub);
    }

    [Fact]
    public void Environment_default_beats_project_and_global_and_an_empty_variable_counts_as_unset()
    {
        using var home = SfHome.FromFixture();
        home.Environment["SF_TARGET_ORG"] = "org5";
        home.Environment["SF_TARGET_DEV_HUB"] = "";
        var orgs = List(home, cwd: home.Project).ToDictionary(o => o.Username);

        Assert.Equal(new[] { "target-org" }, orgs["user5@fixture5.example.com"].Configs);
        Assert.Empty(orgs["user2@fixture2.example.com"].Configs);
        Assert.Equal(new[] { "target-dev-hub" }, orgs["user0@fixture0.example.com"].Configs);
    }

    [Fact]
    public void New_environment_name_beats_its_deprecated_synonym()
    {
        using var home = SfHome.FromFixture();
        home.Environment["SFDX_DEFAULTUSERNAME"] = "org7";
        home.Environment["SF_TARGET_ORG"] = "org9";
        var orgs = List(home).ToDictionary(o => o.Username);

        Assert.True(orgs["user9@fixture9.example.com"].IsDefault);
        Assert.False(orgs["user7@fixture7.example.com"].IsDefault);
    }

    [Fact]
    public void A_strictly_newer_mirror_value_wins_and_mirror_only_keys_are_always_read()
    {
        using var home = SfHome.FromFixture();
        var config = Path.Combine(home.Home, ".sf", "config.json");
        var mirror = Path.Combine(home.Sfdx, "sfdx-config.json");
        File.WriteAllText(config, "{\n  \"target-org\": \"org1\"\n}");
        File.WriteAllText(mirror, "{\n  \"defaultusername\": \"org5\",\n  \"defaultdevhubusername\": \"hub\"\n}");
        File.SetLastWriteTimeUtc(config, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(mirror, new DateTime(2026, 1, 1, 0, 0, 1, DateTimeKind.Utc));
        var newer = List(home).ToDictionary(o => o.Username);
        Assert.True(newer["user5@fixture5.example.com"].IsDefault);
        Assert.True(newer["user0@fixture0.example.com"].IsDefaultDevHub);

        File.SetLastWriteTimeUtc(mirror, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var sameAge = List(home).ToDictionary(o => o.Username);
        Assert.True(sameAge["user1@fixture1.example.com"].IsDefault);
        Assert.True(sameAge["user0@fixture0.example.com"].IsDefaultDevHub);
    }

    [Fact]
    public void Values_carry_every_detail_a_script_needs()
    {
        using var home = SfHome.FromFixture();
        var orgs = List(home).ToDictionary(o => o.Username);

        var scratch = orgs["user3@fixture3.example.com"];
        Assert.True(scratch.IsScratchOrg);
        Assert.False(scratch.IsExpired);
        Assert.True(scratch.HasPassword);
        Assert.Equal("Scratch", scratch.OrgType);
        Assert.Equal(new DateTimeOffset(2099, 12, 31, 0, 0, 0, TimeSpan.Zero), scratch.ExpirationDate);
        Assert.Equal("user0@fixture0.example.com", scratch.DevHubUsername);

        Assert.True(orgs["user8@fixture8.example.com"].IsExpired);
        Assert.Null(orgs["user1@fixture1.example.com"].IsExpired);
        Assert.Equal(OAuthMethod.Jwt, orgs["user6@fixture6.example.com"].OAuthMethod);
        Assert.Equal(new[] { "my-eca" }, orgs["user2@fixture2.example.com"].ClientApps);
        Assert.Equal(new[] { "org9", "extra9" }, orgs["user9@fixture9.example.com"].Aliases);
        Assert.Equal("Sandbox", orgs["user4@fixture4.example.com"].OrgType);
        Assert.Equal("DevHub", orgs["user0@fixture0.example.com"].OrgType);
        Assert.Equal(home.AuthFilePath("user1@fixture1.example.com"), orgs["user1@fixture1.example.com"].AuthFile);
        Assert.Equal("user1@fixture1.example.com", orgs["user1@fixture1.example.com"].ToString());
    }

    [Fact]
    public void A_date_only_expiration_is_utc_midnight()
    {
        using var home = SfHome.Empty();
        home.WriteKey();
        home.WriteAuthFile("s@scratch.example.com", new JsonObject { ["orgId"] = "00Dx", ["devHubUsername"] = "hub@x.example.com", ["expirationDate"] = "2026-11-21", ["accessToken"] = "00Dx!AQ0tokenvalue" });

        Assert.False(List(home, now: new DateTimeOffset(2026, 11, 20, 23, 59, 59, TimeSpan.Zero)).Single().IsExpired);
        Assert.True(List(home, now: new DateTimeOffset(2026, 11, 21, 0, 0, 1, TimeSpan.Zero)).Single().IsExpired);
    }

    [Fact]
    public void An_auth_file_another_program_holds_an_exclusive_flock_on_is_listed_as_sf_lists_it()
    {
        if (OperatingSystem.IsWindows()) return; // there FileShare.None is the system's own sharing rule, not flock
        using var home = SfHome.FromFixture();
        // .NET takes LOCK_EX on a FileShare.None stream: what any program's flock(LOCK_EX) on the file looks like. sf never
        // takes such locks and reads the file; the reader used to ask for LOCK_SH and skip the org when it was refused.
        using var held = new FileStream(home.AuthFilePath("user1@fixture1.example.com"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var host = new FakeHost();

        var orgs = List(home, host: host);

        Assert.Empty(host.Warnings);
        Assert.Equal(12, orgs.Count);
        Assert.Null(orgs.Single(org => org.Username == "user1@fixture1.example.com").Error);
    }

    [Fact]
    public void An_undecryptable_org_is_listed_with_sfs_error_and_the_others_are_fine()
    {
        using var home = SfHome.FromFixture();
        home.WriteAuthFile("bad@other.example.com", new JsonObject { ["orgId"] = "00Dbad", ["instanceUrl"] = "https://bad.example.com", ["refreshToken"] = "5Aep861abcdef" },
            key: "00000000000000000000000000000000");
        home.WriteAliases(("badorg", "bad@other.example.com"));

        var orgs = List(home).ToDictionary(o => o.Username);

        Assert.Equal(13, orgs.Count);
        var bad = orgs["bad@other.example.com"];
        Assert.Equal("Failed to decipher auth data. reason: Unsupported state or unable to authenticate data.", bad.Error);
        Assert.Equal(OAuthMethod.Unknown, bad.OAuthMethod);
        Assert.Null(bad.IsExpired);
        Assert.Equal("badorg", bad.Alias);
        Assert.Null(orgs["user1@fixture1.example.com"].Error);
    }

    [Fact]
    public void A_v2_key_decrypts_as_sf_does()
    {
        const string key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        var crypto = new Crypto(key);
        Assert.Equal("Fixture!Pw3", crypto.Decrypt("0102030405060708090a0b0c3c1b7dd49d65c060ba8f88:a143b6c9e3840e2b580928d280f384b7"));
        Assert.Equal("0102030405060708090a0b0c3c1b7dd49d65c060ba8f88:a143b6c9e3840e2b580928d280f384b7", SfFixtureCrypto.Encrypt(key, "Fixture!Pw3", "0102030405060708090a0b0c"));

        using var home = SfHome.Empty();
        home.WriteKey(key);
        home.WriteAuthFile("v2@v2.example.com", new JsonObject { ["orgId"] = "00Dv2", ["refreshToken"] = "5Aep861v2token" }, key);
        Assert.Null(List(home).Single().Error);
    }

    [Fact]
    public void The_v1_vector_decrypts_to_the_fixture_password()
    {
        var crypto = new Crypto(SfHome.FixtureKey);
        const string stored = "f6b6f1c3c27e2184952942b777a049f511:68250c2f374ec6b6ea866151e5b4ee99";
        Assert.True(crypto.LooksEncrypted(stored));
        Assert.Equal("Fixture!Pw3", crypto.Decrypt(stored));
        Assert.False(crypto.LooksEncrypted("plain-text-password"));
    }

    [Fact]
    public void A_key_file_that_is_not_mode_600_makes_sf_reject_every_org_with_a_warning_each()
    {
        using var home = SfHome.FromFixture();
        var keyFile = Path.Combine(home.Sfdx, "key.json");
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead);
        var host = new FakeHost();

        Assert.Empty(List(home, host: host));
        Assert.Equal(12, host.Warnings.Count);
        Assert.Contains($"The auth file for user1@fixture1.example.com is invalid. Due to: Invalid file permissions for secret file: {keyFile}", host.Warnings);
    }

    [Fact]
    public void A_missing_key_file_shows_decipher_errors_and_is_never_created()
    {
        using var home = SfHome.FromFixture();
        File.Delete(Path.Combine(home.Sfdx, "key.json"));

        var orgs = List(home);

        Assert.Equal(12, orgs.Count);
        Assert.All(orgs, org => Assert.Equal(Crypto.DecipherFailure, org.Error));
        Assert.False(File.Exists(Path.Combine(home.Sfdx, "key.json")));
    }

    [Fact]
    public void A_corrupt_auth_file_is_reported_by_name_and_never_stops_the_listing()
    {
        using var home = SfHome.FromFixture();
        var corrupt = home.AuthFilePath("broken@fixture.example.com");
        File.WriteAllText(corrupt, "{ not json");
        var host = new FakeHost();

        var orgs = List(home, host: host);

        Assert.Equal(12, orgs.Count);
        Assert.Contains(host.Warnings, w => w.Contains(corrupt));
        Assert.Empty(host.Errors);
    }

    [Fact]
    public void A_copied_auth_file_is_listed_again_as_the_org_it_names_as_sf_does()
    {
        using var home = SfHome.FromFixture();
        File.Copy(home.AuthFilePath("user5@fixture5.example.com"), home.AuthFilePath("copy@fixture5.example.com"));

        var entries = List(home).Where(o => o.Username == "user5@fixture5.example.com").ToList();

        Assert.Equal(2, entries.Count);
        Assert.All(entries, entry => Assert.Null(entry.Error));
        Assert.Equal(new[] { home.AuthFilePath("copy@fixture5.example.com"), home.AuthFilePath("user5@fixture5.example.com") },
            entries.Select(e => e.AuthFile).OrderBy(f => f, StringComparer.Ordinal));
    }

    [Fact]
    public void A_misnamed_auth_file_whose_username_has_no_file_is_an_error_entry_naming_that_username()
    {
        using var home = SfHome.FromFixture();
        File.Move(home.AuthFilePath("user5@fixture5.example.com"), home.AuthFilePath("moved@fixture5.example.com"));

        var moved = List(home).Single(o => o.AuthFile == home.AuthFilePath("moved@fixture5.example.com"));

        Assert.Equal("user5@fixture5.example.com", moved.Username);
        Assert.Equal("No authorization information found for user5@fixture5.example.com.", moved.Error);
        Assert.Equal("org5", moved.Alias);
        Assert.Equal("00D000000000006EAA", moved.OrgId);
        Assert.Equal(OAuthMethod.Unknown, moved.OAuthMethod);
    }

    [Fact]
    public void An_auth_file_without_a_username_is_skipped_with_a_warning_and_the_others_are_still_listed_unlike_sf_which_lists_nothing()
    {
        using var home = SfHome.FromFixture();
        var nameless = home.AuthFilePath("nameless@fixture.example.com");
        File.WriteAllText(nameless, "{\n  \"orgId\": \"00D000000000099EAA\"\n}");
        var host = new FakeHost();

        var orgs = List(home, host: host);

        Assert.Equal(12, orgs.Count);
        Assert.DoesNotContain(orgs, o => o.AuthFile == nameless);
        Assert.Contains($"The auth file {nameless} has no username; it was skipped.", host.Warnings);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public void A_copy_whose_name_ends_in_a_newline_is_not_an_org_as_sf_ignores_it()
    {
        using var home = SfHome.FromFixture();
        var original = home.AuthFilePath("nameless@fixture.example.com");
        File.WriteAllText(original + "\n", "{\n  \"username\": \"nameless@fixture.example.com\"\n}");
        var host = new FakeHost();

        var orgs = List(home, host: host);

        Assert.Equal(12, orgs.Count);
        Assert.DoesNotContain(orgs, o => o.AuthFile.Contains('\n'));
        Assert.Empty(host.Errors);
        Assert.Empty(host.Warnings);
    }

    [Fact]
    public void No_sfdx_folder_means_no_orgs_and_no_error()
    {
        using var home = SfHome.Empty();
        var host = new FakeHost();

        Assert.Empty(List(home, host: host));
        Assert.Empty(host.Errors);
        Assert.Empty(host.Warnings);
    }

    [Theory]
    [InlineData("user@example.com.json", true)]
    [InlineData("first.last@my-company.co.uk.json", true)]
    [InlineData("key.json", false)]
    [InlineData("alias.json", false)]
    [InlineData("00D000000000005EAA.sandbox.json", false)]
    [InlineData("a@localhost.json", false)]
    [InlineData(".hidden@example.com.json", false)]
    [InlineData("user@example.com.JSON", false)]
    [InlineData("user@exa mple.com.json", true)]
    [InlineData("user@example.c om.json", false)]
    [InlineData("user2@example.com.json\n", false)] // JavaScript's $ is the end of the text, not before a final newline
    public void Auth_files_are_recognised_by_sfs_file_name_rule(string fileName, bool isAuthFile)
        => Assert.Equal(isAuthFile, OrgReader.IsAuthFileName(fileName));

    [Fact]
    public void Name_matches_usernames_and_aliases_with_case_insensitive_wildcards()
    {
        using var home = SfHome.FromFixture();

        Assert.Equal(new[] { "user9@fixture9.example.com" }, List(home, names: new[] { "EXTRA*" }).Select(o => o.Username));
        Assert.Equal(new[] { "user0@fixture0.example.com", "user1@fixture1.example.com" },
            List(home, names: new[] { "hub", "user1@*" }).Select(o => o.Username));
    }

    [Fact]
    public void An_unknown_plain_name_is_a_not_found_error_with_the_name_as_target()
    {
        using var home = SfHome.FromFixture();
        var host = new FakeHost();

        var orgs = List(home, names: new[] { "nope", "org1", "zz*" }, host: host);

        Assert.Single(orgs);
        var error = Assert.Single(host.Errors);
        Assert.Equal("OrgNotFound", error.ErrorId);
        Assert.Equal("nope", error.TargetObject);
        Assert.Equal("No authenticated org found with the nope username or alias.", error.Message);
    }

    [Fact]
    public void An_invalid_wildcard_pattern_is_an_error_naming_it_and_the_other_names_still_list()
    {
        using var home = SfHome.FromFixture();
        var host = new FakeHost();

        // A reversed class range, as PowerShell's own WildcardPattern also refuses.
        var orgs = List(home, names: new[] { "[z-a]*", "org1" }, host: host);

        Assert.Equal(new[] { "user1@fixture1.example.com" }, orgs.Select(o => o.Username));
        var error = Assert.Single(host.Errors);
        Assert.Equal("InvalidNamePattern", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("[z-a]*", error.TargetObject);
        Assert.StartsWith("The -Name pattern '[z-a]*' is not a valid wildcard pattern", error.Message);
    }

    [Theory]
    [InlineData("evil\nWARNING: forged line", "evil\\u000aWARNING: forged line")]
    [InlineData("a\rb\u001bc\0d", "a\\u000db\\u001bc\\u0000d")]
    [InlineData("x\u2028y\u0085z", "x\\u2028y\\u0085z")]
    public void A_name_with_control_characters_is_escaped_in_the_message_and_kept_raw_as_the_target(string name, string shown)
    {
        using var home = SfHome.FromFixture();
        var host = new FakeHost();

        List(home, names: new[] { name }, host: host);

        var error = Assert.Single(host.Errors);
        Assert.Equal($"No authenticated org found with the {shown} username or alias.", error.Message);
        Assert.Equal(name, error.TargetObject);
    }

    [Fact]
    public void No_token_password_or_secret_appears_in_any_stream()
    {
        using var home = SfHome.FromFixture();
        home.WriteAuthFile("bad@other.example.com", new JsonObject { ["refreshToken"] = "5Aep861undecryptable" }, key: "00000000000000000000000000000000");
        var host = new FakeHost();

        List(home, host: host);
        List(home, names: new[] { "*" }, host: host);

        var text = host.AllText();
        var secrets = home.DecryptedSecrets();
        Assert.Contains(secrets, s => s.StartsWith("5Aep861", StringComparison.Ordinal));
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, text));
        Assert.DoesNotContain(SfHome.FixtureKey, text);
    }
}
