using System.Globalization;
using System.Runtime.InteropServices;

namespace LogoutModule.Benchmarks;

/// <summary>The program's command line and where it runs.</summary>
public sealed class Options
{
    public int[] Sizes { get; private set; } = [100, 1_000, 10_000];
    public int Runs { get; private set; } = 5;
    public int ColdRuns { get; private set; } = 7;
    public int SfAllMax { get; private set; } = 100;
    /// <summary>BenchmarkDotNet's warm-up and measured iterations per core benchmark.</summary>
    public int CoreWarmups { get; private set; } = 2;
    public int CoreIterations { get; private set; } = 7;
    public bool Core { get; private set; } = true;
    public bool Peers { get; private set; } = true;
    public string? Out { get; private set; }
    public string? Module { get; private set; }

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--sizes": options.Sizes = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).OrderBy(n => n).ToArray(); break;
                case "--runs": options.Runs = Number(); break;
                case "--cold-runs": options.ColdRuns = Number(); break;
                case "--sf-all-max": options.SfAllMax = Number(); break;
                case "--no-core": options.Core = false; break;
                // Every target still measured, with fewer repetitions: about half the time, medians a little less steady.
                case "--quick": (options.Runs, options.ColdRuns, options.CoreWarmups, options.CoreIterations) = (3, 5, 1, 3); break;
                case "--no-peers": options.Peers = false; break;
                case "--out": options.Out = Path.GetFullPath(Next()); break;
                case "--module": options.Module = Path.GetFullPath(Next()); break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }
        return options;
    }

    /// <summary>The repository root: the nearest folder above the program holding build.ps1.</summary>
    public static string FindRepo()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "build.ps1"))) return folder.FullName;
        throw new InvalidOperationException("No build.ps1 above " + AppContext.BaseDirectory);
    }

    /// <summary>The shared reference fixtures beside the repository root (../shared, as the tests find them).</summary>
    public static string SharedFixtures(string repo) => Path.Combine(Path.GetDirectoryName(repo)!, "shared", "reference", "fixtures");

    /// <summary>The 1-minute load average (Linux), or "n/a": a busy machine slows every wall-clock figure.</summary>
    public static string LoadAverage()
        => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>CPU model, core count, memory and OS, for the table's heading.</summary>
    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        var ram = long.TryParse(memory, out var kib) ? $", {kib / 1048576.0:F0} GB RAM" : "";
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores{ram}, {RuntimeInformation.OSDescription}";
    }
}
