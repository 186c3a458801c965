using System.Text;

namespace LogoutModule.Core.Shared;

/// <summary>
/// Replaces a file's content without ever leaving it half-written: write a temp file beside it, give it the original's
/// owner, group and mode, flush to disk, then rename over the original. Run as root (sudo, an admin offboarding a user)
/// on a user's files, the files stay the user's: a new file takes its folder's owner and group, as if the user had made it. A symlink stays a symlink: as Node's
/// fs.writeFile does (sf, codex), the write goes to the file the link finally points to (on PowerShell 7).
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string content, UnixMode? modeForNewFile = null)
        => WriteAllBytes(path, Utf8NoBom.GetBytes(content), modeForNewFile);

    public static void WriteAllBytes(string path, byte[] content, UnixMode? modeForNewFile = null)
    {
        var fullPath = FinalTarget(Path.GetFullPath(path));
        var directory = Path.GetDirectoryName(fullPath)!;
        var tempPath = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        var exists = File.Exists(fullPath);
        var existingMode = exists ? FilePermissions.Get(fullPath) : modeForNewFile;
        var owner = FilePermissions.GetOwner(exists ? fullPath : directory);
        try
        {
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                // Owner first (chown may clear set-id bits), then the mode, both before any byte is written, so a
                // secret is never briefly readable by anyone the original did not allow.
                if (owner is { } fileOwner) FilePermissions.TrySetOwner(stream, fileOwner);
                if (existingMode is { } mode) FilePermissions.Set(tempPath, mode);
                stream.Write(content, 0, content.Length);
                stream.Flush(flushToDisk: true);
            }
            Replace(tempPath, fullPath);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    /// <summary>The file a chain of symlinks ends at (itself when it is no link or does not exist yet).</summary>
    private static string FinalTarget(string fullPath)
    {
#if NET8_0_OR_GREATER
        var file = new FileInfo(fullPath);
        if (file.LinkTarget is not null && file.ResolveLinkTarget(returnFinalTarget: true) is { } target) return target.FullName;
#endif
        return fullPath;
    }

    private static void Replace(string tempPath, string destination)
    {
#if NET8_0_OR_GREATER
        File.Move(tempPath, destination, overwrite: true);
#else
        if (File.Exists(destination)) File.Replace(tempPath, destination, destinationBackupFileName: null);
        else File.Move(tempPath, destination);
#endif
    }

    /// <summary>
    /// Deletes this class's own temp files (<c>.&lt;name&gt;.&lt;8 hex&gt;.tmp</c>) in <paramref name="directory"/> older than
    /// <paramref name="olderThan"/>: a process killed between creating one and renaming it leaves it behind, while a
    /// write in progress is never that old. Returns the ones deleted.
    /// </summary>
    public static IReadOnlyList<string> RemoveLeftovers(string directory, TimeSpan olderThan)
    {
        if (!Directory.Exists(directory)) return Array.Empty<string>();
        var removed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, ".*.tmp"))
        {
            if (!TempName.IsMatch(Path.GetFileName(file)) || DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < olderThan) continue;
            try
            {
                File.Delete(file);
                removed.Add(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // reported by nobody: the next run tries again
        }
        return removed;
    }

    private static readonly System.Text.RegularExpressions.Regex TempName = new(@"^\..+\.[0-9a-f]{8}\.tmp$");

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
