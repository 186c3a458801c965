using System.Runtime.InteropServices;

namespace LogoutModule.Core.Shared;

/// <summary>Deleting one file the way Node's fs.unlink does: a file that is already gone is reported, not ignored.</summary>
internal static class FileRemoval
{
    /// <summary>
    /// Deletes <paramref name="path"/> (a symbolic link itself, never its target). Returns false when there was no file
    /// to delete (nothing, or a folder); throws File.Delete's IOException or UnauthorizedAccessException when it cannot.
    /// </summary>
    public static bool TryDelete(string path)
    {
        // One unlink, not a stat and then an unlink: a -All logout deletes 10,000 files. Any failure is asked again the
        // File way, whose exceptions and answers (a folder is no file) callers rely on.
        // A NUL would end the C string early and name another file: File refuses such a path (ArgumentException).
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && path.IndexOf('\0') < 0 && unlink(path) == 0) return true;
        if (!File.Exists(path)) return false;
        File.Delete(path);
        return true;
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi)]
    private static extern int unlink(string path);
}
