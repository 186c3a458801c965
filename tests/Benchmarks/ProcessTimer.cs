using System.Diagnostics;

namespace LogoutModule.Benchmarks;

/// <summary>One finished child process: exit code, output, wall time and, where GNU time exists, its peak resident set.</summary>
public sealed record TimedRun(int ExitCode, string Output, string Error, double WallMs, long? PeakBytes);

/// <summary>Starts whole processes with a time bound and measures them; output is captured, never echoed (it is ours or a peer's JSON).</summary>
public static class ProcessTimer
{
    private const string GnuTime = "/usr/bin/time";

    public static bool CanMeasurePeak => File.Exists(GnuTime);

    /// <summary>Runs file with arguments; environment entries with a null value are removed. Throws TimeoutException after timeout (the child is killed).</summary>
    public static TimedRun Run(string file, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, bool measurePeak = false)
    {
        var peakFile = measurePeak && CanMeasurePeak ? Path.GetTempFileName() : null;
        var info = new ProcessStartInfo(peakFile is null ? file : GnuTime)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (peakFile is not null) foreach (var argument in new[] { "-f", "%M", "-o", peakFile, file }) info.ArgumentList.Add(argument);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var pair in environment ?? new Dictionary<string, string?>())
        {
            if (pair.Value is null) info.Environment.Remove(pair.Key);
            else info.Environment[pair.Key] = pair.Value;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{Path.GetFileName(file)} did not finish within {timeout.TotalSeconds:F0} s");
        }
        process.WaitForExit();
        watch.Stop();
        long? peak = null;
        if (peakFile is not null)
        {
            // GNU time's %M is the peak resident set in KiB; its file has only that line.
            if (long.TryParse(File.ReadAllLines(peakFile).LastOrDefault(l => l.Trim().Length > 0)?.Trim(), out var kib)) peak = kib * 1024;
            File.Delete(peakFile);
        }
        return new TimedRun(process.ExitCode, output.Result, error.Result, watch.Elapsed.TotalMilliseconds, peak);
    }
}
