using BenchmarkDotNet.Attributes;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;

namespace LogoutModule.Benchmarks;

/// <summary>
/// The core operations the cmdlets call, in-process (BenchmarkDotNet, in-process toolchain, a short job): listing N orgs
/// and logging out of all of them with -All -Force, each logout on a fresh copy of the template home.
/// </summary>
[MemoryDiagnoser]
public class CoreBenchmarks
{
    /// <summary>Set by Program before the run: the shared template homes (the in-process toolchain shares statics).</summary>
    public static Homes? Homes { get; set; }

    /// <summary>The home sizes (orgs), from the program's --sizes.</summary>
    public static IEnumerable<int> Sizes { get; set; } = [100, 1_000, 10_000];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    private string _template = "";
    private string _work = "";

    [GlobalSetup]
    public void Setup()
    {
        _template = Homes!.Template(N);
        _work = Path.Combine(Homes.Root, $"core-logout-{N}");
    }

    [IterationSetup(Target = nameof(LogoutAll))]
    public void FreshCopy() => Homes.CopyTree(_template, _work);

    [Benchmark]
    public int List()
    {
        var host = new CountingHost();
        GetAuthenticatedOrgOperation.Invoke(Context(_template), new GetAuthenticatedOrgRequest(), host);
        return Check(host);
    }

    [Benchmark]
    public int LogoutAll()
    {
        var host = new CountingHost();
        DisconnectOrgOperation.Invoke(Context(_work), new DisconnectOrgRequest { All = true, Force = true }, host);
        return Check(host);
    }

    private int Check(CountingHost host)
        => host.Objects == N && host.Errors == 0 ? host.Objects : throw new InvalidOperationException($"{host.Objects} objects and {host.Errors} errors for {N} orgs");

    private static SalesforceContext Context(string home)
        => new(home, home, name => name == "SF_USE_GENERIC_UNIX_KEYCHAIN" ? "true" : null, DateTimeOffset.UtcNow, HostPlatforms.Current);
}
