using System.Diagnostics;
using System.Text.Json.Nodes;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Salesforce;

/// <summary>Timed tests run alone, so the other suites' parallel load does not decide the result.</summary>
[CollectionDefinition(nameof(SerialTimingCollection), DisableParallelization = true)]
public sealed class SerialTimingCollection
{
}

[Collection(nameof(SerialTimingCollection))]
public sealed class DisconnectOrgPerformanceTests
{
    // How long this takes is the benchmark program's to measure (tests/Benchmarks, ./build.ps1 -Task Benchmark, issue 13):
    // a time bound here failed for other jobs' load on a shared machine, not for ours.
    [Fact]
    public void One_thousand_orgs_log_out_with_All_and_Force_leaving_only_key_aliases_and_config()
    {
        using var home = SfHome.Empty();
        home.WriteKey();
        var aliases = new List<(string, string)>();
        for (var i = 0; i < 1000; i++)
        {
            var username = $"perf{i}@load{i}.example.com";
            home.WriteAuthFile(username, new JsonObject { ["orgId"] = $"00D{i:D15}", ["refreshToken"] = $"5Aep861{i:x60}", ["instanceUrl"] = "https://x.example.com" });
            aliases.Add(($"a{i}", username));
        }
        home.WriteAliases(aliases.ToArray());
        Directory.CreateDirectory(Path.Combine(home.Home, ".sf"));
        File.WriteAllText(DisconnectOrgTests.GlobalConfig(home), "{\n  \"target-org\": \"a7\"\n}");

        var results = DisconnectOrgTests.LogOut(home, new DisconnectOrgRequest { All = true, Force = true });

        Assert.Equal(1000, results.Count);
        Assert.Equal(new[] { "alias.json", "key.json", "sfdx-config.json" }, Directory.EnumerateFiles(home.Sfdx).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("{}", DisconnectOrgTests.Text(DisconnectOrgTests.GlobalConfig(home)));
    }

    [Fact]
    public void Revoke_of_100_orgs_against_a_server_answering_after_200_ms_takes_under_5_seconds_with_results_in_order()
    {
        using var home = SfHome.Empty();
        home.WriteKey();
        using var server = new DisconnectOrgTests.LoopbackRevokeServer(_ => 200) { Delay = TimeSpan.FromMilliseconds(200) };
        var usernames = Enumerable.Range(0, 100).Select(i => $"slow{i:D3}@load.example.com").ToList();
        foreach (var username in usernames)
            home.WriteAuthFile(username, new JsonObject { ["orgId"] = "00D000000000001", ["refreshToken"] = "5Aep861" + username, ["instanceUrl"] = server.BaseUrl });

        var watch = Stopwatch.StartNew();
        var results = DisconnectOrgTests.LogOut(home, new DisconnectOrgRequest { Selections = [new() { TargetOrgs = usernames }], Force = true, Revoke = true });
        watch.Stop();

        Console.Error.WriteLine($"Disconnect-Org core: -Revoke of 100 orgs, server answering after 200 ms, in {watch.ElapsedMilliseconds} ms");
        Assert.Equal(usernames, results.Select(r => r.Username));
        Assert.All(results, r => Assert.Equal(RevocationStatus.Revoked, r.Revocation));
        Assert.Equal(100, server.Tokens.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.ElapsedMilliseconds} ms");
    }
}
