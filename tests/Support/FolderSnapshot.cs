using System.Security.Cryptography;

namespace LogoutModule.Tests.Support;

/// <summary>
/// A folder tree's state, keyed by each entry's '/'-separated path relative to the root; symbolic links are recorded,
/// never followed. Pester's Get-FolderState (tests/Pester/Common.ps1) is its PowerShell twin.
/// </summary>
public static class FolderSnapshot
{
    /// <summary>
    /// Every entry's kind, Unix mode and, for a file, a hash of its bytes, or a link's target: two equal snapshots mean
    /// nothing was created, removed, changed or given another mode. <paramref name="skip"/> leaves out the relative
    /// paths it returns true for (and what is below them).
    /// </summary>
    public static Dictionary<string, string> Take(string root, Func<string, bool>? skip = null)
        => Walk(root, skip).ToDictionary(entry => entry.Relative, entry =>
            entry.Info.LinkTarget is { } target ? $"link->{target}"
            : entry.Info is DirectoryInfo ? $"dir {entry.Info.UnixFileMode}"
            : $"file {entry.Info.UnixFileMode} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry.Info.FullName)))[..16]}");

    /// <summary>Every regular file's text (UTF-8), for comparing the files a peer wrote with ours.</summary>
    public static Dictionary<string, string> Texts(string root, Func<string, bool>? skip = null)
        => Walk(root, skip).Where(entry => entry.Info is FileInfo && entry.Info.LinkTarget is null)
            .ToDictionary(entry => entry.Relative, entry => File.ReadAllText(entry.Info.FullName));

    private static IEnumerable<(string Relative, FileSystemInfo Info)> Walk(string root, Func<string, bool>? skip)
    {
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        while (pending.Count > 0)
        {
            foreach (var info in pending.Pop().EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(root, info.FullName).Replace('\\', '/');
                if (skip?.Invoke(relative) == true) continue;
                yield return (relative, info);
                if (info is DirectoryInfo directory && info.LinkTarget is null) pending.Push(directory);
            }
        }
    }
}
