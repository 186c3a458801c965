namespace LogoutModule.Tests.Support;

/// <summary>Locations of the repository, the built module and the read-only shared material beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared from the repository root: the references, fixtures and the toml-test suite.</summary>
    public static string Shared { get; } = FindShared();

    public static string Fixtures => Path.Combine(Shared, "reference", "fixtures");

    public static string ModuleFolder => Path.Combine(Root, "out", "LogoutModule");

    public static string CmdletAssembly => Path.Combine(ModuleFolder, "net8.0", "LogoutCmdlets.dll");

    public static string CoreAssembly => Path.Combine(ModuleFolder, "net8.0", "LogoutCore.dll");

    private static string FindShared()
    {
        var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
        return Directory.Exists(shared) ? shared
            : throw new InvalidOperationException($"The shared reference folder is missing: expected it at {shared}, beside the repository.");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LogoutModule.psd1"))) return directory.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (LogoutModule.psd1) above " + AppContext.BaseDirectory);
    }

    /// <summary>Copies a folder tree (fixtures are read-only; tests work on copies).</summary>
    public static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, directory)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            File.Copy(file, target, overwrite: true);
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
    }
}
