using System.Text.Json.Nodes;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Interop;

/// <summary>
/// Linux without SF_USE_GENERIC_UNIX_KEYCHAIN: sf takes its key from the Secret Service through secret-tool
/// (user local, domain sfdx). With the fixture key stored there and no key.json, we list what the real sf lists.
/// </summary>
public sealed class SfSecretServiceInteropTests
{
    [InteropFact(RealSf.SfVariable)]
    public void With_the_key_in_the_Secret_Service_our_listing_equals_sfs()
    {
        using var service = PrivateSecretService.Start();
        using var home = SfHome.FromFixture();
        File.Delete(Path.Combine(home.Sfdx, "key.json"));
        var bus = new Dictionary<string, string?> { ["DBUS_SESSION_BUS_ADDRESS"] = service.Address };
        var store = Programs.Run("secret-tool", new[] { "store", "--label=sfdx", "user", "local", "domain", "sfdx" }, SfHome.FixtureKey, environment: bus);
        Assert.Equal(0, store.ExitCode);

        var sfEnvironment = new Dictionary<string, string> { ["DBUS_SESSION_BUS_ADDRESS"] = service.Address, ["SF_USE_GENERIC_UNIX_KEYCHAIN"] = "false" };
        var sf = RealSf.Run(Peers.Variable(RealSf.SfVariable), new[] { "org", "list", "auth", "--json" }, home.Home, home.Home, sfEnvironment);
        var sfResult = (JsonArray)JsonNode.Parse(sf.StandardOutput)!["result"]!;

        home.Environment.Remove("SF_USE_GENERIC_UNIX_KEYCHAIN");
        home.Environment["DBUS_SESSION_BUS_ADDRESS"] = service.Address;
        var host = new FakeHost();
        GetAuthenticatedOrgOperation.Invoke(home.Context(now: DateTimeOffset.UtcNow), new GetAuthenticatedOrgRequest(), host);
        var ours = new JsonArray(host.OutputOf<OrgAuthorization>().Select(org => (JsonNode)SfListJson.ToSfEntry(org)).ToArray());

        Assert.Equal(12, sfResult.Count);
        Assert.All(host.OutputOf<OrgAuthorization>(), org => Assert.Null(org.Error));
        Assert.Equal(SfListJson.Normalise(sfResult), SfListJson.Normalise(ours));
        Assert.False(File.Exists(Path.Combine(home.Sfdx, "key.json")));
    }
}
