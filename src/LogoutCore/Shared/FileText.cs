using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace LogoutModule.Core.Shared;

/// <summary>
/// A whole file's text as File.ReadAllText decodes it (UTF-8, a byte order mark honoured), read into a buffer from the
/// shared pool instead of StreamReader's buffers and a string: valid UTF-8 (every file sf writes) is handed on as bytes,
/// which JSON readers take as they are. A listing reads 10,000 auth files and an alias.json of half a megabyte.
/// </summary>
internal static class FileText
{
    /// <summary>
    /// The result of <paramref name="fromUtf8"/> given the file's valid UTF-8 (its byte order mark left out), or of
    /// <paramref name="fromText"/> given the text File.ReadAllText would decode (another encoding's byte order mark, or
    /// invalid UTF-8, whose bytes become U+FFFD). <paramref name="state"/> is passed to either, so neither needs a closure.
    /// The bytes are lent for the call only: the buffer is wiped (it may hold encrypted tokens) and returned to the pool.
    /// Throws what File.OpenRead throws (IOException, UnauthorizedAccessException), and whatever the readers throw.
    /// </summary>
    public static T Read<TState, T>(string path, TState state, Func<string, TState, T> fromText, Func<ReadOnlyMemory<byte>, TState, T> fromUtf8)
    {
        var (bytes, length) = ReadAllBytes(path);
        try
        {
            if (length >= 2 && bytes[0] is 0xFE or 0xFF or 0x00)
            {
                // A UTF-16 or UTF-32 byte order mark, perhaps: StreamReader's detection, as File.ReadAllText does it.
                using var reader = new StreamReader(new MemoryStream(bytes, 0, length), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                return fromText(reader.ReadToEnd(), state);
            }
            var bom = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
#if NET8_0_OR_GREATER
            if (System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(bom, length - bom))) return fromUtf8(bytes.AsMemory(bom, length - bom), state);
#endif
            return fromText(Encoding.UTF8.GetString(bytes, bom, length - bom), state);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes, clearArray: true);
        }
    }

#if NET8_0_OR_GREATER
    /// <summary>
    /// The file opened for reading. On Linux and macOS an open(2) alone, close-on-exec: .NET's own opening adds an fstat
    /// and a shared flock that it releases again at close (its FileShare emulation, which sf knows nothing of), three
    /// system calls of the seven a read took, a third of the time a 10,000-file listing spent opening files. Any failure
    /// is opened again .NET's way, so its exceptions (FileNotFoundException, UnauthorizedAccessException, IOException)
    /// name the file as before.
    /// </summary>
    private static SafeFileHandle OpenForReading(string path)
    {
        var closeOnExec = OperatingSystem.IsLinux() ? LinuxCloseOnExec : OperatingSystem.IsMacOS() ? MacCloseOnExec : 0;
        // A NUL would end the C string early and name another file: .NET refuses such a path (ArgumentException).
        if (closeOnExec != 0 && path.IndexOf('\0') < 0)
        {
            var descriptor = open(path, closeOnExec); // O_RDONLY is 0 on both
            if (descriptor >= 0) return new SafeFileHandle((IntPtr)descriptor, ownsHandle: true);
        }
        return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    private const int LinuxCloseOnExec = 0x80000;    // O_CLOEXEC, <asm-generic/fcntl.h>
    private const int MacCloseOnExec = 0x1000000;    // O_CLOEXEC, <sys/fcntl.h>

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi)]
    private static extern int open(string path, int flags);
#endif

    /// <summary>
    /// File.ReadAllBytes into a buffer from the shared pool (return it): the file's length at opening, or everything up
    /// to the end when the system reports no length (procfs).
    /// </summary>
    private static (byte[] Buffer, int Length) ReadAllBytes(string path)
    {
#if NET8_0_OR_GREATER
        // A bare handle: a FileStream per file (with its strategy object) is garbage a 10,000-file listing can do without.
        using var file = OpenForReading(path);
        var expected = RandomAccess.GetLength(file);
#else
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var expected = file.Length;
#endif
        if (expected > int.MaxValue) throw new IOException($"The file {path} is longer than 2 GB.");
        var buffer = ArrayPool<byte>.Shared.Rent(expected > 0 ? (int)expected : 4096);
        var length = 0;
        try
        {
            while (expected == 0 || length < expected)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    buffer = larger;
                }
                var count = (int)Math.Min(buffer.Length - length, expected > 0 ? expected - length : int.MaxValue);
#if NET8_0_OR_GREATER
                var read = RandomAccess.Read(file, buffer.AsSpan(length, count), length);
#else
                var read = file.Read(buffer, length, count);
#endif
                if (read == 0) break;
                length += read;
            }
            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            throw;
        }
    }
}
