using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// Disconnect-Org's record of a logout in progress, so that a run stopped half-way (killed, a write failing between two
/// files) is finished by the next one. Before the apply phase changes a file it writes
/// <c>~/.sfdx/.logoutmodule/disconnect-&lt;id&gt;.json</c> (when it started, and each org's username and auth file; no
/// secret) and keeps it open and locked (FileShare.None, an advisory flock on Unix, which the system releases when the
/// process dies); it deletes the file once every change is made. A journal nobody holds is an interrupted run's.
/// The folder is this module's own: created with the owner of <c>~/.sfdx</c> (a run as root on a user's home), removed when empty.
/// </summary>
internal sealed class LogoutJournal : IDisposable
{
    public const string FolderName = ".logoutmodule";
    private const string Prefix = "disconnect-";
    private static readonly UnixMode PrivateFolder = new(0x1C0); // 700

    private readonly FileStream _stream;

    private LogoutJournal(string path, FileStream stream, DateTime startedAt, IReadOnlyList<(string Username, string AuthFile)> orgs)
    {
        FilePath = path;
        _stream = stream;
        StartedAt = startedAt;
        Orgs = orgs;
    }

    public string FilePath { get; }

    /// <summary>When the run that wrote it started changing files (UTC).</summary>
    public DateTime StartedAt { get; }

    /// <summary>The orgs whose logout it records.</summary>
    public IReadOnlyList<(string Username, string AuthFile)> Orgs { get; }

    public static string FolderOf(SalesforcePaths paths) => Path.Combine(paths.SfdxDirectory, FolderName);

    /// <summary>
    /// Writes and holds the journal of a logout about to change files. Throws FileWriteFailed naming the journal when
    /// it cannot be written, before anything changes.
    /// </summary>
    public static LogoutJournal Begin(SalesforcePaths paths, IEnumerable<OrgAuthorization> orgs)
    {
        var folder = FolderOf(paths);
        var path = Path.Combine(folder, Prefix + Guid.NewGuid().ToString("N").Substring(0, 8) + ".json");
        var startedAt = DateTime.UtcNow;
        var entries = orgs.Select(org => (org.Username, org.AuthFile)).ToList();
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                FileStream stream;
                try
                {
                    CreateFolder(folder, paths.SfdxDirectory);
                    stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
                }
                // A concurrent run removed the folder, empty, between its creation and this file's: create it again.
                catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException && attempt < 5) { continue; }
                try
                {
                    FilePermissions.TakeParentOwner(stream);
                    FilePermissions.Set(path, UnixMode.OwnerReadWrite); // the usernames are the user's business
                    Write(stream, startedAt, entries);
                    stream.Flush(flushToDisk: true);
                    return new LogoutJournal(path, stream, startedAt, entries);
                }
                catch
                {
                    stream.Dispose();
                    File.Delete(path);
                    throw;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw SalesforceErrors.FileWriteFailed(path, e);
        }
    }

    /// <summary>
    /// The journal's JSON, written straight to the file in pieces: a node tree, a string of it, or the whole text in one
    /// buffer (large-object garbage) cost a tenth of logging out of 10,000 orgs.
    /// </summary>
    private static void Write(Stream stream, DateTime startedAt, IReadOnlyList<(string Username, string AuthFile)> entries)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("startedAt", startedAt.ToString("o"));
        writer.WriteStartArray("orgs");
        foreach (var (username, authFile) in entries)
        {
            writer.WriteStartObject();
            writer.WriteString("username", username);
            writer.WriteString("authFile", authFile);
            writer.WriteEndObject();
            if (writer.BytesPending > 16_384) writer.Flush();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// The journals of interrupted runs in this home, each held until disposed. One a running Disconnect-Org holds is
    /// skipped; one that cannot be read (killed while writing it: nothing had changed yet) is deleted once it is older
    /// than sf's lock staleness, so a journal being written right now is never taken for a damaged one.
    /// </summary>
    /// <param name="tidy">False for a reading cmdlet: nothing is deleted.</param>
    public static IReadOnlyList<LogoutJournal> FindInterrupted(SalesforcePaths paths, bool tidy = true)
    {
        var folder = FolderOf(paths);
        if (!Directory.Exists(folder)) return Array.Empty<LogoutJournal>();
        var found = new List<LogoutJournal>();
        string[] files;
        try { files = Directory.GetFiles(folder, Prefix + "*.json"); }
        catch (DirectoryNotFoundException) { return found; } // a concurrent run removed it, empty
        foreach (var path in files)
        {
            FileStream stream;
            try { stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; } // held by a run in progress, or gone
            var journal = TryRead(path, stream);
            if (journal is not null)
            {
                found.Add(journal);
                continue;
            }
            stream.Dispose();
            if (tidy && DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > DirectoryLock.StaleAfter) TryDelete(path);
        }
        if (tidy && found.Count == 0) TryRemoveFolder(folder);
        return found;
    }

    /// <summary>
    /// The listed orgs whose logout <paramref name="journals"/> record and that are still logged in from the same auth
    /// file, unchanged since the run started; those whose auth file was written since (a new login, a token refresh)
    /// are added to <paramref name="changed"/> and are not to be logged out.
    /// </summary>
    public static List<OrgAuthorization> Unfinished(IEnumerable<LogoutJournal> journals, IReadOnlyList<OrgAuthorization> orgs, ICollection<OrgAuthorization> changed)
    {
        var unfinished = new List<OrgAuthorization>();
        foreach (var journal in journals)
        foreach (var (username, authFile) in journal.Orgs)
        foreach (var org in orgs.Where(org => org.AuthFile == authFile && org.Username == username && !unfinished.Contains(org) && !changed.Contains(org)))
        {
            if (!File.Exists(authFile)) continue; // logged out since the listing
            if (File.GetLastWriteTimeUtc(authFile) > journal.StartedAt) changed.Add(org);
            else unfinished.Add(org);
        }
        return unfinished;
    }

    /// <summary>Deletes the journal: the logout it records is complete (or has nothing left to do). The folder goes when empty.</summary>
    public void Complete()
    {
        // Deleted while still held, so no other run can open it in between; Windows deletes no file held open.
        if (HostPlatforms.Current == HostPlatform.Windows) _stream.Dispose();
        TryDelete(FilePath);
        _stream.Dispose();
        TryRemoveFolder(Path.GetDirectoryName(FilePath)!);
    }

    public void Dispose() => _stream.Dispose();

    private static LogoutJournal? TryRead(string path, FileStream stream)
    {
        try
        {
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, false, 4096, leaveOpen: true);
            if (JsJson.Parse(reader.ReadToEnd()) is not JsonObject json
                || JsJson.AsString(json["startedAt"]) is not { } started
                || !DateTime.TryParse(started, null, System.Globalization.DateTimeStyles.RoundtripKind, out var startedAt)
                || json["orgs"] is not JsonArray orgs) return null;
            var entries = orgs.OfType<JsonObject>()
                .Select(org => (Username: JsJson.AsString(org["username"]), AuthFile: JsJson.AsString(org["authFile"])))
                .Where(org => org.Username is not null && org.AuthFile is not null)
                .Select(org => (org.Username!, org.AuthFile!)).ToList();
            return new LogoutJournal(path, stream, startedAt.ToUniversalTime(), entries);
        }
        catch (Exception e) when (e is JsonException or IOException or System.Text.DecoderFallbackException) { return null; }
    }

    private static void CreateFolder(string folder, string parent)
    {
        if (Directory.Exists(folder)) return;
        FilePermissions.CreateDirectory(folder); // the owner of ~/.sfdx, as a folder the user made
        FilePermissions.Set(folder, PrivateFolder);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    // Not empty (another run's journal) or gone: either way nothing to do.
    private static void TryRemoveFolder(string folder)
    {
        try { Directory.Delete(folder, recursive: false); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
