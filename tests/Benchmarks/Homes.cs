using System.Diagnostics;

namespace LogoutModule.Benchmarks;

/// <summary>The generated template homes (read-only by convention) and fresh copies of them for anything that writes.</summary>
public sealed class Homes : IDisposable
{
    private readonly Dictionary<int, string> _templates = new();
    private int _copies;

    public Homes(string root) => Root = root;

    /// <summary>A folder under the system temp folder, removed on Dispose.</summary>
    public string Root { get; }

    /// <summary>The template home of N orgs with made-up instance hosts, generated on first use.</summary>
    public string Template(int orgs)
    {
        if (_templates.TryGetValue(orgs, out var path)) return path;
        path = Path.Combine(Root, $"template-{orgs}");
        var watch = Stopwatch.StartNew();
        SfHomeGenerator.Write(path, orgs, SfHomeGenerator.MadeUpInstance);
        Console.WriteLine($"Generated a home of {orgs:N0} orgs in {watch.Elapsed.TotalSeconds:F1} s: {path}");
        return _templates[orgs] = path;
    }

    /// <summary>A fresh copy of a template home (file modes kept), in a new folder.</summary>
    public string Copy(string template)
    {
        var target = Path.Combine(Root, $"copy-{Interlocked.Increment(ref _copies)}");
        CopyTree(template, target);
        return target;
    }

    /// <summary>Replaces target with a copy of source; cp -a where there is one (10,000 files in well under a second).</summary>
    public static void CopyTree(string source, string target)
    {
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        if (!OperatingSystem.IsWindows())
        {
            var cp = Process.Start(new ProcessStartInfo("cp", ["-a", source, target]) { UseShellExecute = false })!;
            cp.WaitForExit();
            if (cp.ExitCode != 0) throw new IOException($"cp -a {source} {target} exited {cp.ExitCode}");
            return;
        }
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
