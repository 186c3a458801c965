using System.Text.Json.Nodes;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Interop;

/// <summary>
/// Disconnect-Org against the real `sf org logout --no-prompt --json`: two `cp -a` copies of one varied home (written by
/// the real @salesforce/core), sf logs out on one and we on the other, and the trees must hold the same files with the
/// same parsed JSON (key.json untouched). Afterwards the real `sf org list auth` must list exactly the remaining orgs.
/// </summary>
public sealed class SfLogoutInteropTests : IClassFixture<SfLogoutInteropTests.BaseHome>
{
    private const string Hub = "admin@acme-devhub.example.com";
    private const string Eca = "eca.user@acme-eca.example.com";
    private readonly BaseHome _base;

    public SfLogoutInteropTests(BaseHome fixture) => _base = fixture;

    public sealed class BaseHome : IDisposable
    {
        private readonly SfHome _home = SfHome.Empty();
        private JsonObject? _summary;

        public string Home => _home.Home;
        public JsonObject Summary => _summary ??= RealSf.MakeHome(Home);

        public void Dispose() => _home.Dispose();
    }

    public static TheoryData<string, string[], bool> Scenarios => new()
    {
        { "by alias", new[] { "-o", "prod" }, false },
        { "by username", new[] { "-o", "noalias@acme-plain.example.com" }, false },
        { "the default org outside the project", Array.Empty<string>(), false },
        { "the default org inside the project", Array.Empty<string>(), true },
        { "a Dev Hub with two aliases that is the default Dev Hub", new[] { "-o", "devhub" }, false },
        { "the project-local default, inside the project", new[] { "-o", "eca" }, true },
        { "the project-local default, outside the project", new[] { "-o", "eca" }, false },
        { "an alias shared by nothing else, inside the project", new[] { "-o", "m2" }, true },
        { "an undecryptable org", new[] { "-o", "broken@acme-broken.example.com" }, false },
        { "all orgs", new[] { "--all" }, false },
        { "a client app", new[] { "-o", Eca, "-c", "my-eca" }, true },
    };

    [InteropTheory(RealSf.SfVariable, RealSf.NodeVariable, RealSf.CoreVariable)]
    [MemberData(nameof(Scenarios))]
    public void Our_logout_leaves_the_same_tree_as_the_real_sf(string scenario, string[] sfArguments, bool insideProject)
    {
        _ = _base.Summary;
        using var sfHome = Copy(_base.Home);
        using var ourHome = Copy(_base.Home);
        var keyBefore = File.ReadAllBytes(Path.Combine(_base.Home, ".sfdx", "key.json"));

        var sf = RealSf.Json(sfHome.Home, insideProject ? sfHome.Project : sfHome.Home,
            new[] { "org", "logout" }.Concat(sfArguments).Append("--no-prompt").ToArray());
        Assert.True(sf["status"]?.GetValue<int>() == 0, $"{scenario}: sf failed: {sf["message"]}");

        var host = new FakeHost();
        DisconnectOrgOperation.Invoke(Context(ourHome, insideProject), Request(sfArguments), host);
        Assert.Empty(host.Errors);

        AssertSameTree(sfHome.Home, ourHome.Home, scenario);
        Assert.Equal(keyBefore, File.ReadAllBytes(Path.Combine(ourHome.Sfdx, "key.json")));

        var loggedOutBySf = sf["result"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.NotEmpty(loggedOutBySf);
        if (sfArguments.Contains("-c")) Assert.Equal(new[] { "my-eca" }, loggedOutBySf);
        else Assert.Equal(loggedOutBySf.OrderBy(u => u, StringComparer.Ordinal), host.OutputOf<OrgLogoutResult>().Select(r => r.Username).OrderBy(u => u, StringComparer.Ordinal));
    }

    /// <summary>
    /// A copied auth file still holding the Dev Hub's username: sf selects it too, deletes only &lt;username&gt;.json (the
    /// real one, once) and leaves the copy; we do the same, with a warning instead of listing the username twice.
    /// </summary>
    [InteropTheory(RealSf.SfVariable, RealSf.NodeVariable, RealSf.CoreVariable)]
    [InlineData("-o", Hub)]
    [InlineData("--all", null)]
    public void A_copied_auth_file_sharing_a_username_leaves_the_same_tree_as_the_real_sf(string flag, string? value)
    {
        _ = _base.Summary;
        using var sfHome = Copy(_base.Home);
        using var ourHome = Copy(_base.Home);
        foreach (var home in new[] { sfHome, ourHome })
            File.Copy(home.AuthFilePath(Hub), home.AuthFilePath("copy@acme-devhub.example.com"));
        var sfArguments = value is null ? new[] { flag } : new[] { flag, value };

        var sf = RealSf.Json(sfHome.Home, sfHome.Home, new[] { "org", "logout" }.Concat(sfArguments).Append("--no-prompt").ToArray());
        Assert.True(sf["status"]?.GetValue<int>() == 0, $"sf failed: {sf["message"]}");
        var host = new FakeHost();
        DisconnectOrgOperation.Invoke(Context(ourHome, false), Request(sfArguments), host);

        Assert.Empty(host.Errors);
        Assert.True(File.Exists(sfHome.AuthFilePath("copy@acme-devhub.example.com")));
        AssertSameTree(sfHome.Home, ourHome.Home, string.Join(" ", sfArguments) + " with a copy");
        var loggedOutBySf = sf["result"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(2, loggedOutBySf.Count(u => u == Hub));
        Assert.Equal(loggedOutBySf.Distinct().OrderBy(u => u, StringComparer.Ordinal), host.OutputOf<OrgLogoutResult>().Select(r => r.Username).OrderBy(u => u, StringComparer.Ordinal));
        Assert.Contains(host.Warnings, w => w.Contains("copy@acme-devhub.example.com.json") && w.Contains("left in place"));
    }

    [InteropFact(RealSf.SfVariable, RealSf.NodeVariable, RealSf.CoreVariable)]
    public void After_our_logout_the_real_sf_lists_exactly_the_remaining_orgs()
    {
        var all = _base.Summary["orgs"]!.AsArray().Select(o => o!["username"]!.GetValue<string>()).ToList();
        using var home = Copy(_base.Home);
        var host = new FakeHost();
        DisconnectOrgOperation.Invoke(Context(home, false), new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { "hub", "m1", "scratch-old" } }], Force = true }, host);
        var removed = host.OutputOf<OrgLogoutResult>().Select(r => r.Username).ToList();
        Assert.Equal(3, removed.Count);

        var listed = RealSf.Json(home.Home, home.Home, "org", "list", "auth")["result"]!.AsArray().Select(o => o!["username"]!.GetValue<string>());

        Assert.Equal(all.Except(removed).OrderBy(u => u, StringComparer.Ordinal), listed.OrderBy(u => u, StringComparer.Ordinal));
        Assert.DoesNotContain(Hub, listed);
    }

    private static DisconnectOrgRequest Request(string[] sfArguments)
    {
        string? Value(string flag) => Array.IndexOf(sfArguments, flag) is var i and >= 0 ? sfArguments[i + 1] : null;
        return new DisconnectOrgRequest
        {
            Selections = [new() { TargetOrgs = Value("-o") is { } target ? new[] { target } : Array.Empty<string>() }],
            All = sfArguments.Contains("--all"),
            ClientApp = Value("-c"),
            Force = true,
        };
    }

    private static SalesforceContext Context(SfHome home, bool insideProject)
        => home.Context(insideProject ? home.Project : null, DateTimeOffset.UtcNow);

    /// <summary>A `cp -a` copy of a home (modes and times kept, as sf's own files have them).</summary>
    private static SfHome Copy(string from)
    {
        var home = SfHome.Empty();
        var result = Programs.Run("cp", new[] { "-a", from, home.Home });
        if (result.ExitCode == 0) return home;
        home.Dispose();
        throw new InvalidOperationException($"cp -a {from} failed ({result.ExitCode}): {result.StandardError}");
    }

    /// <summary>The same files (sf's bookkeeping aside) with the same parsed JSON.</summary>
    private static void AssertSameTree(string sfHome, string ourHome, string scenario)
    {
        var sfTree = FolderSnapshot.Texts(sfHome, IsSfBookkeeping);
        var ourTree = FolderSnapshot.Texts(ourHome, IsSfBookkeeping);
        Assert.Equal(sfTree.Keys.OrderBy(k => k, StringComparer.Ordinal), ourTree.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (file, sfContent) in sfTree)
            Assert.True(SameContent(sfContent, ourTree[file]), $"{scenario}: {file} differs:\nsf:   {sfContent}\nours: {ourTree[file]}");
    }

    // sf's own log and cache files are not state; everything else must match.
    private static bool IsSfBookkeeping(string relative)
        => relative.StartsWith(".cache/", StringComparison.Ordinal) || relative.StartsWith(".local/", StringComparison.Ordinal)
           || relative.StartsWith(".config/", StringComparison.Ordinal)
           || (relative.StartsWith(".sf/sf-", StringComparison.Ordinal) && relative.EndsWith(".log", StringComparison.Ordinal));


    private static bool SameContent(string a, string b)
    {
        if (a == b) return true;
        try { return JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b)); }
        catch (System.Text.Json.JsonException) { return false; }
    }
}
