using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LogoutModule.Benchmarks;
using LogoutModule.Tests.Support;

// ./build.ps1 -Task Benchmark [-- options]; options: --sizes 100,1000,10000  --runs 5  --cold-runs 7
// --sf-all-max 100 (sf org logout --all is slow: about a second per org)  --no-core  --no-peers  --out <file.md>
// --quick (every target, fewer repetitions: --runs 3 --cold-runs 5, BenchmarkDotNet 1 warm-up and 3 iterations)
// --module <LogoutModule.psd1> (default out/LogoutModule)
var options = Options.Parse(args);
var repo = Options.FindRepo();
// The Release module build.ps1 lays out, or a copy of it (--module): `dotnet test` lays out Debug in the same folder.
var module = options.Module ?? Path.Combine(repo, "out", "LogoutModule", "LogoutModule.psd1");
if (!File.Exists(Path.Combine(Path.GetDirectoryName(module)!, "net8.0", "LogoutCmdlets.dll")))
    throw new InvalidOperationException($"No module at {module}: dotnet build src/LogoutCmdlets -c Release (build.ps1 -Task Benchmark does).");
// The revocation server answers 100 requests that each wait 200 ms; the pool's default minimum (the core count) would make
// the server, not the module, the bottleneck.
ThreadPool.SetMinThreads(200, 200);

var report = new Report();
var loadBefore = Options.LoadAverage();
using var homes = new Homes(Path.Combine(Path.GetTempPath(), "logout-bench-" + Environment.ProcessId));
var pwsh = Pwsh.Locate(repo, module);
var peers = options.Peers ? Peers.Find() : new Peers();
// Bounds each pwsh scenario: the warm one copies a 10,000-org home per run, which took over 5 minutes at load average 40.
var timeout = TimeSpan.FromMinutes(20);
foreach (var n in options.Sizes) homes.Template(n);
int Largest() => options.Sizes.Max();
int Middle() => options.Sizes.Contains(1_000) ? 1_000 : options.Sizes.Min();

// 1. The core in-process: BenchmarkDotNet, one short job (2 warm-ups, 7 measured single invocations; --quick: 1 and 3).
var core = new Dictionary<(string, int), (double Ms, long? Allocated)>();
if (options.Core)
{
    CoreBenchmarks.Homes = homes;
    CoreBenchmarks.Sizes = options.Sizes;
    // The in-process toolchain's default time limit (5 minutes) is less than 10,000-org logouts with a fresh copy each take
    // on a busy 2-core machine.
    var job = Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)).WithLaunchCount(1).WithWarmupCount(options.CoreWarmups)
        .WithIterationCount(options.CoreIterations).WithInvocationCount(1).WithUnrollFactor(1).WithId("Short");
    var config = ManualConfig.CreateEmpty().AddJob(job).AddLogger(ConsoleLogger.Default).AddColumnProvider(DefaultColumnProviders.Instance)
        .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
        .WithArtifactsPath(Path.Combine(repo, "out", "benchmarks", "BenchmarkDotNet"));
    Summary summary = BenchmarkRunner.Run<CoreBenchmarks>(config);
    foreach (var result in summary.Reports.Where(r => r.ResultStatistics is not null))
    {
        var n = (int)result.BenchmarkCase.Parameters["N"];
        core[(result.BenchmarkCase.Descriptor.WorkloadMethod.Name, n)] = (result.ResultStatistics!.Median / 1e6, result.GcStats.GetBytesAllocatedPerOperation(result.BenchmarkCase));
    }
}

// 2. The cmdlets warm in one pwsh: listing, completion and -All logout per size, medians.
Console.WriteLine($"pwsh {pwsh.Version}: cmdlets warm, {options.Runs} runs per figure");
var (warm, _) = pwsh.Run("Warm", ["-Template", string.Join(",", options.Sizes.Select(homes.Template)), "-Work", Path.Combine(homes.Root, "warm-work"), "-Runs", options.Runs.ToString(CultureInfo.InvariantCulture)], timeout);
var cmdlet = warm["sizes"]!.AsArray().Select(s => s!.AsObject()).ToDictionary(s => (int)Pwsh.Number(s["orgs"]));

// 3. Import + first call in fresh processes (the first run only warms the disk cache), medians.
Console.WriteLine($"pwsh: import + first Get-AuthenticatedOrg of {Middle():N0} orgs, {options.ColdRuns} fresh processes");
var cold = Enumerable.Range(0, options.ColdRuns + 1).Select(_ => pwsh.Run("Cold", ["-SfHome", homes.Template(Middle())], timeout)).Skip(1).ToList();
double Median(IEnumerable<double> values) { var sorted = values.OrderBy(v => v).ToList(); return sorted.Count == 0 ? double.NaN : sorted[(sorted.Count - 1) / 2]; }
var coldImport = Median(cold.Select(c => Pwsh.Number(c.Result["import"])));
var coldFirst = Median(cold.Select(c => Pwsh.Number(c.Result["importAndFirstCall"])));
var coldWall = Median(cold.Select(c => c.WallMs));

// 4. Peak working set: idle with the module imported, one list and one -All logout of the largest home, whole processes.
Console.WriteLine($"pwsh: peak working set, idle and over {Largest():N0} orgs");
var idlePeak = Median(Enumerable.Range(0, 3).Select(_ => Pwsh.Number(pwsh.Run("Idle", ["-SfHome", homes.Template(Middle())], timeout).Result["peakWorkingSet"])));
var ourList = new Dictionary<int, (double WallMs, double Peak)>();
var ourLogout = new Dictionary<int, (double WallMs, double Peak)>();
foreach (var n in options.Sizes)
{
    var list = Enumerable.Range(0, 3).Select(_ => pwsh.Run("ListPeak", ["-SfHome", homes.Template(n)], timeout)).ToList();
    ourList[n] = (Median(list.Select(l => l.WallMs)), Median(list.Select(l => Pwsh.Number(l.Result["peakWorkingSet"]))));
    var logout = pwsh.Run("LogoutPeak", ["-SfHome", homes.Copy(homes.Template(n))], timeout);
    ourLogout[n] = (logout.WallMs, Pwsh.Number(logout.Result["peakWorkingSet"]));
}

// 5. -Revoke of 100 orgs against a loopback server that answers each request after 200 ms (no other host is ever contacted).
Console.WriteLine("pwsh: Disconnect-Org -All -Revoke of 100 orgs, loopback server answering after 200 ms");
double revokeMs;
int revokeRequests;
using (var server = new LoopbackServer(_ => { Thread.Sleep(200); return new LoopbackResponse(200); }))
{
    var revokeHome = Path.Combine(homes.Root, "revoke");
    SfHomeGenerator.Write(revokeHome, 100, _ => server.BaseUrl);
    var (revoke, _) = pwsh.Run("Revoke", ["-SfHome", revokeHome], timeout);
    revokeMs = Pwsh.Number(revoke["revoke"]);
    revokeRequests = server.Requests.Count;
    if (Pwsh.Number(revoke["revoked"]) != 100) Console.WriteLine($"  only {revoke["revoked"]} of 100 revoked");
}

// 6. Codex: an API-key login in a copy of the fixture (file store: no keyring, no revocation, nothing on the network).
var codexHome = Path.Combine(homes.Root, "codex");
Directory.CreateDirectory(codexHome);
var codexAuth = File.ReadAllText(Path.Combine(Options.SharedFixtures(repo), "codex-auth-apikey.json"));
void WriteCodexAuth() => File.WriteAllText(Path.Combine(codexHome, "auth.json"), codexAuth);
WriteCodexAuth();
var (codexWarm, _) = pwsh.Run("CodexWarm", ["-CodexHome", codexHome, "-Runs", options.Runs.ToString(CultureInfo.InvariantCulture)], timeout);
var codexCold = Enumerable.Range(0, 4).Select(_ => { WriteCodexAuth(); return pwsh.Run("CodexCold", ["-CodexHome", codexHome], timeout); }).Skip(1).ToList();

// 7. The peers on copies of the same homes, same run.
var sfList = new Dictionary<int, TimedRun>();
var sfLogout = new Dictionary<int, TimedRun>();
if (peers.Sf is { } sf)
{
    foreach (var n in options.Sizes)
    {
        Console.WriteLine($"sf {peers.SfVersion}: org list auth --json over {n:N0} orgs");
        var runs = Enumerable.Range(0, n >= 10_000 ? 1 : 3).Select(_ => RunSf(sf, homes.Copy(homes.Template(n)), ["org", "list", "auth", "--json"], n)).ToList();
        sfList[n] = runs.OrderBy(r => r.WallMs).ElementAt((runs.Count - 1) / 2);
        if (n > options.SfAllMax) continue;
        Console.WriteLine($"sf {peers.SfVersion}: org logout --all --no-prompt over {n:N0} orgs");
        sfLogout[n] = RunSf(sf, homes.Copy(homes.Template(n)), ["org", "logout", "--all", "--no-prompt", "--json"], n);
    }
}
TimedRun RunSf(string sf, string home, string[] arguments, int orgs)
{
    var environment = new Dictionary<string, string?>(peers.Environment) { ["HOME"] = home };
    var run = ProcessTimer.Run(sf, arguments, TimeSpan.FromMinutes(Math.Max(5, orgs / 40)), home, environment, measurePeak: true);
    if (run.ExitCode != 0) throw new InvalidOperationException($"sf {string.Join(' ', arguments)} exited {run.ExitCode}:\n{run.Error}");
    return run;
}
TimedRun? codexStatus = null, codexLogout = null;
if (peers.Codex is { } codex)
{
    Console.WriteLine($"codex {peers.CodexVersion}: login status and logout");
    var environment = new Dictionary<string, string?> { ["CODEX_HOME"] = codexHome, ["OPENAI_API_KEY"] = null, ["CODEX_API_KEY"] = null };
    TimedRun Codex(string verb) => ProcessTimer.Run(codex, ["login", verb], timeout, codexHome, environment, measurePeak: true);
    var status = Enumerable.Range(0, 5).Select(_ => { WriteCodexAuth(); return Codex("status"); }).OrderBy(r => r.WallMs).ToList();
    codexStatus = status[2];
    var logout = Enumerable.Range(0, 3).Select(_ => { WriteCodexAuth(); return ProcessTimer.Run(codex, ["logout"], timeout, codexHome, environment, measurePeak: true); }).OrderBy(r => r.WallMs).ToList();
    codexLogout = logout[1];
}

// The report.
double SizeFigure(int n, string name) => cmdlet.TryGetValue(n, out var s) ? Pwsh.Number(s[name]) : double.NaN;
string? SfFigure(Dictionary<int, TimedRun> runs, int n) => runs.TryGetValue(n, out var r) ? $"sf {Report.Ms(r.WallMs)}, {Report.Mb(r.PeakBytes)} peak ({n:N0} orgs)" : peers.Sf is null ? "sf not installed" : null;
string? SfRatio(Dictionary<int, TimedRun> runs, Dictionary<int, (double WallMs, double Peak)> ours, int n)
    => runs.TryGetValue(n, out var r) && ours.TryGetValue(n, out var o) ? Report.Ratio(r.WallMs, o.WallMs) + " (whole processes)" : null;
var big = Largest();
var mid = Middle();
var sfAllSize = sfLogout.Keys.DefaultIfEmpty(0).Max();
var hasCompleter = cmdlet.Values.All(s => s["hasCompleter"]?.GetValue<bool>() == true);

string Cpu(int n, string name) => $"CPU {Report.Ms(SizeFigure(n, name))}";
report.Target($"Get-AuthenticatedOrg, {big:N0} orgs (warm, in pwsh)", SizeFigure(big, "list"), 250, "ms", SfFigure(sfList, big), SfRatio(sfList, ourList, big), Cpu(big, "listCpu"));
report.Target($"Disconnect-Org -All -Force, {big:N0} orgs (warm, in pwsh)", SizeFigure(big, "logoutAll"), 500, "ms",
    sfAllSize > 0 ? SfFigure(sfLogout, sfAllSize) : SfFigure(sfLogout, big), sfAllSize > 0 ? SfRatio(sfLogout, ourLogout, sfAllSize) : null,
    Cpu(big, "logoutAllCpu") + (sfAllSize > 0 ? $"; sf --all only up to {options.SfAllMax:N0} orgs (about a second per org)" : ""));
var growth = SizeFigure(big, "logoutAll") / SizeFigure(mid, "logoutAll");
var linear = (double)big / mid;
report.Target($"-All logout growth {mid:N0} → {big:N0} orgs (linear: ×{linear:F0})", growth, linear * 1.25, "x", note: "within 25% of linear");
report.Target($"Completion of -TargetOrg, {big:N0} orgs (TabExpansion2)", hasCompleter ? SizeFigure(big, "completion") : double.NaN, 100, "ms",
    note: hasCompleter ? Cpu(big, "completionCpu") : $"no -TargetOrg completer yet (file names offered, {Report.Ms(SizeFigure(big, "completion"))})");
report.Target($"Completion of -TargetOrg, {mid:N0} orgs (TabExpansion2)", hasCompleter ? SizeFigure(mid, "completion") : double.NaN, 20, "ms",
    note: hasCompleter ? Cpu(mid, "completionCpu") : $"no -TargetOrg completer yet ({Report.Ms(SizeFigure(mid, "completion"))})");
report.Target($"Import-Module + first Get-AuthenticatedOrg, {mid:N0} orgs (fresh pwsh)", coldFirst, 120, "ms", SfFigure(sfList, mid), SfRatio(sfList, ourList, mid),
    $"import alone {Report.Ms(coldImport)}; whole process {Report.Ms(coldWall)}");
report.Target($"Peak working set of a {big:N0}-org list above idle", (ourList[big].Peak - idlePeak) / 1048576, 60, "MB",
    sfList.TryGetValue(big, out var sfBig) ? $"sf {Report.Mb(sfBig.PeakBytes)} peak" : null, note: $"idle pwsh with the module: {Report.Mb((long)idlePeak)}");
report.Target($"Peak working set of a {big:N0}-org -All logout above idle", (ourLogout[big].Peak - idlePeak) / 1048576, 60, "MB");
report.Target("Disconnect-Org -All -Revoke, 100 orgs, server answering after 200 ms", revokeMs, 5000, "ms", note: $"{revokeRequests} revocation requests (sequential would take ≥ 20 s)");

foreach (var n in options.Sizes)
{
    if (core.TryGetValue(("List", n), out var list))
        report.Figure($"Core GetAuthenticatedOrgOperation, {n:N0} orgs (BenchmarkDotNet median)", $"{Report.Ms(list.Ms)}, {Report.Mb(list.Allocated)} allocated");
    if (core.TryGetValue(("LogoutAll", n), out var logout))
        report.Figure($"Core DisconnectOrgOperation -All, {n:N0} orgs (BenchmarkDotNet median)", $"{Report.Ms(logout.Ms)}, {Report.Mb(logout.Allocated)} allocated");
}
foreach (var n in options.Sizes)
{
    report.Figure($"Get-AuthenticatedOrg, {n:N0} orgs: warm / fresh pwsh (whole process)", $"{Report.Ms(SizeFigure(n, "list"))} / {Report.Ms(ourList[n].WallMs)}, {Report.Mb((long)ourList[n].Peak)} peak",
        SfFigure(sfList, n), SfRatio(sfList, ourList, n));
    report.Figure($"Disconnect-Org -All -Force, {n:N0} orgs: warm / fresh pwsh (whole process)", $"{Report.Ms(SizeFigure(n, "logoutAll"))} / {Report.Ms(ourLogout[n].WallMs)}, {Report.Mb((long)ourLogout[n].Peak)} peak",
        sfLogout.ContainsKey(n) ? SfFigure(sfLogout, n) : peers.Sf is null ? "sf not installed" : $"sf not run (over {options.SfAllMax:N0})", SfRatio(sfLogout, ourLogout, n));
}
string? CodexFigure(TimedRun? run, string command) => run is null ? "codex not installed" : $"`{command}` {Report.Ms(run.WallMs)}, {Report.Mb(run.PeakBytes)} peak";
var codexStatusCold = Median(codexCold.Select(c => Pwsh.Number(c.Result["status"])));
var codexColdWall = Median(codexCold.Select(c => c.WallMs));
report.Figure("Get-CodexAuthStatus: warm / import + first call / fresh pwsh (whole process, + logout)",
    $"{Report.Ms(Pwsh.Number(codexWarm["status"]))} / {Report.Ms(codexStatusCold)} / {Report.Ms(codexColdWall)}", CodexFigure(codexStatus, "codex login status"),
    codexStatus is null ? null : Report.Ratio(codexStatus.WallMs, Pwsh.Number(codexWarm["status"])) + " (warm)");
report.Figure("Remove-CodexToken -Force: warm / first call after Get-CodexAuthStatus",
    $"{Report.Ms(Pwsh.Number(codexWarm["logout"]))} / {Report.Ms(Median(codexCold.Select(c => Pwsh.Number(c.Result["logout"]))))}", CodexFigure(codexLogout, "codex logout"),
    codexLogout is null ? null : Report.Ratio(codexLogout.WallMs, Pwsh.Number(codexWarm["logout"])) + " (warm)");

var machine = $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Options.Machine()}; pwsh {pwsh.Version}, .NET {Environment.Version}"
    + (peers.Sf is null ? "" : $", sf {peers.SfVersion}") + (peers.Codex is null ? "" : $", codex {peers.CodexVersion}")
    + $"; load average {loadBefore} at the start, {Options.LoadAverage()} at the end (wall times grow with it; CPU times much less).";
var markdown = report.ToMarkdown(machine);
Console.WriteLine();
Console.WriteLine(markdown);
var outFile = options.Out ?? Path.Combine(repo, "out", "benchmarks", "results.md");
Directory.CreateDirectory(Path.GetDirectoryName(outFile)!);
File.WriteAllText(outFile, markdown);
Console.WriteLine($"Benchmark: {report.Failed} target(s) not met; table written to {outFile}");
return report.Failed == 0 ? 0 : 1;
