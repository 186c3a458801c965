using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;
using LogoutModule.Core.Salesforce;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Interop;

/// <summary>
/// Get-AuthenticatedOrg against the real `sf org list auth --json` on a varied home written by the real @salesforce/core:
/// Dev Hub, scratch orgs expired and not, sandboxes, JWT, several aliases, a client app, global and project defaults,
/// an access-token login and an undecryptable org.
/// </summary>
public sealed class SfListAuthInteropTests : IClassFixture<SfListAuthInteropTests.VariedHome>
{
    private readonly VariedHome _fixture;

    public SfListAuthInteropTests(VariedHome fixture) => _fixture = fixture;

    public sealed class VariedHome : IDisposable
    {
        private JsonObject? _summary;

        public SfHome Home { get; } = SfHome.Empty();
        public JsonObject Summary => _summary ??= RealSf.MakeHome(Home.Home);

        public void Dispose() => Home.Dispose();
    }

    [InteropTheory(RealSf.SfVariable, RealSf.NodeVariable, RealSf.CoreVariable)]
    [InlineData(false, null)]
    [InlineData(true, null)]
    [InlineData(true, "m2")]
    public void Our_listing_equals_the_real_sf_listing_field_by_field(bool insideProject, string? targetOrgVariable)
    {
        _ = _fixture.Summary;
        var cwd = insideProject ? _fixture.Home.Project : _fixture.Home.Home;
        var extra = new Dictionary<string, string>();
        if (targetOrgVariable is not null) extra["SF_TARGET_ORG"] = targetOrgVariable;

        var sf = RealSf.Run(Peers.Variable(RealSf.SfVariable), new[] { "org", "list", "auth", "--json" }, cwd, _fixture.Home.Home, extra);
        var sfResult = (JsonArray)JsonNode.Parse(sf.StandardOutput)!["result"]!;

        var host = new FakeHost();
        GetAuthenticatedOrgOperation.Invoke(_fixture.Home.Context(cwd, DateTimeOffset.UtcNow, extra), new GetAuthenticatedOrgRequest(), host);
        var ours = new JsonArray(host.OutputOf<OrgAuthorization>().Select(org => (JsonNode)SfListJson.ToSfEntry(org)).ToArray());

        Assert.Equal(13, sfResult.Count);
        Assert.Contains(sfResult, entry => entry!["error"] is not null);
        Assert.Contains(sfResult, entry => entry!["isExpired"]?.ToJsonString() == "true");
        Assert.Equal(13, SfListJson.Normalise(ours).Count);
        Assert.Equal(SfListJson.Normalise(sfResult), SfListJson.Normalise(ours));
    }

    [InteropFact(RealSf.SfVariable, RealSf.NodeVariable, RealSf.CoreVariable)]
    public void No_secret_that_core_wrote_appears_in_any_stream()
    {
        var secrets = _fixture.Summary["orgs"]!.AsArray()
            .SelectMany(org => org!["secrets"] is JsonObject s ? s.Select(p => p.Value?.ToString()) : Enumerable.Empty<string?>())
            .OfType<string>().Where(s => s.Length >= 8).ToList();
        var host = new FakeHost();
        GetAuthenticatedOrgOperation.Invoke(_fixture.Home.Context(_fixture.Home.Project, DateTimeOffset.UtcNow), new GetAuthenticatedOrgRequest { Names = new[] { "*" } }, host);

        Assert.NotEmpty(secrets);
        var text = host.AllText();
        Assert.All(secrets, secret => Assert.False(text.Contains(secret, StringComparison.Ordinal), "a secret appeared in the output"));
    }

    [InteropFact(RealSf.SfVariable)]
    public void A_copied_and_a_misnamed_auth_file_are_listed_as_the_real_sf_lists_them()
    {
        using var home = SfHome.FromFixture();
        File.Copy(home.AuthFilePath("user1@fixture1.example.com"), home.AuthFilePath("copy1@fixture1.example.com"));
        File.Move(home.AuthFilePath("user5@fixture5.example.com"), home.AuthFilePath("moved5@fixture5.example.com"));

        var sf = RealSf.Run(Peers.Variable(RealSf.SfVariable), new[] { "org", "list", "auth", "--json" }, home.Home, home.Home);
        var sfResult = (JsonArray)JsonNode.Parse(sf.StandardOutput)!["result"]!;
        var host = new FakeHost();
        GetAuthenticatedOrgOperation.Invoke(home.Context(now: DateTimeOffset.UtcNow), new GetAuthenticatedOrgRequest(), host);
        var ours = new JsonArray(host.OutputOf<OrgAuthorization>().Select(org => (JsonNode)SfListJson.ToSfEntry(org)).ToArray());

        Assert.Equal(13, sfResult.Count);
        Assert.Equal(SfListJson.Normalise(sfResult), SfListJson.Normalise(ours));
    }
}
