using System.Globalization;
using System.Text.RegularExpressions;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// Reads every org sf is logged into, computing each value as <c>sf org list auth</c> (AuthInfo.listAllAuthorizations) does.
/// </summary>
public static partial class OrgReader
{
    // sf's auth file name rule (case-sensitive): no leading dot, an @, then dot-separated labels, then .json.
    // sf's pattern with \z for its $: .NET's $ also matches before a final newline, JavaScript's does not.
    private const string AuthFileNamePattern = @"^[^.][^@]*@[^.]+(\.[^.\s]+)+\.json\z";

    /// <summary>Whether sf takes a file of this name in <c>~/.sfdx</c> for an auth file (sf's pattern, case-sensitive).</summary>
    public static bool IsAuthFileName(string fileName) => AuthFileName().IsMatch(fileName);

#if NET8_0_OR_GREATER
    // Generated at build time: a fresh pwsh's first listing or Tab press no longer parses the pattern (about 4 ms).
    [GeneratedRegex(AuthFileNamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex AuthFileName();
#else
    private static readonly Regex AuthFileNameRegex = new(AuthFileNamePattern, RegexOptions.CultureInvariant);

    private static Regex AuthFileName() => AuthFileNameRegex;
#endif

    /// <summary>
    /// The orgs of <paramref name="context"/>'s home, sorted by username, with sf's warnings. With
    /// <paramref name="checkTokens"/> every secret is decrypted as sf's listing does, and an org whose secrets do not
    /// decrypt gets its Error; without, Error is set only for what needs no decryption (a file named after no org).
    /// Throws LogoutException (ConfigFileInvalid, AliasFileInvalid) when sf's own files cannot be read.
    /// </summary>
    public static OrgSnapshot Read(SalesforceContext context, bool checkTokens = true)
    {
        var paths = new SalesforcePaths(context);
        var warnings = new List<string>();
        if (!Directory.Exists(paths.SfdxDirectory)) return new OrgSnapshot(paths, Array.Empty<OrgAuthorization>(), warnings);

        // One listing of the folder answers both questions: which files are auth files, and which sandbox files exist
        // (a File.Exists per org was a tenth of a 10,000-org listing).
        var authFileNames = new List<string>();
        // Case-blind, so that it only ever rules out: on a case-insensitive disk File.Exists matches another case too.
        var sandboxOrgIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in FileNames(paths.SfdxDirectory))
        {
            if (IsAuthFileName(name)) authFileNames.Add(name);
            if (name.EndsWith(SandboxFileSuffix, StringComparison.OrdinalIgnoreCase)) sandboxOrgIds.Add(name.Substring(0, name.Length - SandboxFileSuffix.Length));
        }
        if (authFileNames.Count == 0) return new OrgSnapshot(paths, Array.Empty<OrgAuthorization>(), warnings);
        authFileNames.Sort(StringComparer.Ordinal);
        var authFiles = new string[authFileNames.Count];
        for (var index = 0; index < authFiles.Length; index++) authFiles[index] = Path.Combine(paths.SfdxDirectory, authFileNames[index]);

        // Grouped once, in file order (sf's alias order per username); a loop, not ToLookup over KeyValuePair, which no
        // ReadyToRun image holds. Each username's array is the one its org carries (a second alias, rare, grows it).
        var aliases = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var pair in AliasAccessor.GetAll(paths.AliasFile))
        {
            if (aliases.TryGetValue(pair.Value, out var usernameAliases))
            {
                Array.Resize(ref usernameAliases, usernameAliases.Length + 1);
                usernameAliases[usernameAliases.Length - 1] = pair.Key;
                aliases[pair.Value] = usernameAliases;
            }
            else aliases[pair.Value] = new[] { pair.Key };
        }
        var configs = Config.ReadEffective(paths, context);
        var keyLookup = Keychain.Find(paths, context);
        if (keyLookup.OutOfReachWarning is { } outOfReach) warnings.Add(outOfReach);
        using var crypto = keyLookup.Key is { } key ? Crypto.TryCreate(key) : null;
        var keylessV2 = string.Equals(context.Variable("SF_CRYPTO_V2"), "true", StringComparison.OrdinalIgnoreCase);
        // sf decrypts every secret of every listed org; any failure makes the org an error entry. With no key.json sf
        // would write a fresh key (v2 when SF_CRYPTO_V2=true) that decrypts nothing, so an encrypted-looking value fails.
        // Without the owner's key (another user's keychain) nothing can be checked: sf run by that user would decrypt them.
        // When the keychain failed every file is skipped with a warning, so checking their tokens would be wasted.
        SecretCheck? check = !checkTokens || keyLookup.OutOfReachWarning is not null || keyLookup.Failure is not null ? null
            : crypto is null ? value => !Crypto.HasEncryptedShape(value, keylessV2)
            : value => !crypto.LooksEncrypted(value) || crypto.Decrypts(value);
        // Each file is read, parsed and decrypted on its own, on every core (the reading is mostly system calls and
        // decryption); the results keep file order, so warnings come in the order sf gives them.
        var read = new (OrgAuthorization? Org, string? Warning)[authFiles.Length];
        void ReadAt(int index)
            => read[index] = ReadOne(authFiles[index], aliases, configs, paths, sandboxOrgIds, keyLookup, check, context);
        AllCores.ForEachIndex(read.Length, ReadAt);

        var orgs = new List<OrgAuthorization>(read.Length);
        foreach (var (org, warning) in read)
        {
            if (warning is not null) warnings.Add(warning);
            if (org is not null) orgs.Add(org);
        }
        // Files come sorted by name, which is the username but for copies (rare): sorted again only then.
        return new OrgSnapshot(paths, IsSortedByUsername(orgs) ? orgs : orgs.OrderBy(org => org.Username, StringComparer.Ordinal).ToList(), warnings);
    }

    private const string SandboxFileSuffix = ".sandbox.json";

#if NET8_0_OR_GREATER
    // Directory.EnumerateFiles' own options: hidden and system files too, and a folder that cannot be read is an error.
    private static readonly EnumerationOptions Files = new() { AttributesToSkip = 0, IgnoreInaccessible = false };
#endif

    /// <summary>The names of the files (not folders) in <paramref name="directory"/>, as Directory.EnumerateFiles finds them.</summary>
    private static IEnumerable<string> FileNames(string directory)
    {
#if NET8_0_OR_GREATER
        // Names only: EnumerateFiles builds each file's full path first, a string per file the listing never used.
        return new System.IO.Enumeration.FileSystemEnumerable<string>(directory, static (ref System.IO.Enumeration.FileSystemEntry entry) => entry.FileName.ToString(), Files)
        {
            ShouldIncludePredicate = static (ref System.IO.Enumeration.FileSystemEntry entry) => !entry.IsDirectory,
        };
#else
        return Directory.EnumerateFiles(directory).Select(path => Path.GetFileName(path));
#endif
    }

    /// <summary>
    /// The usernames the auth file names in <paramref name="directory"/> give (sf names each file
    /// <c>&lt;username&gt;.json</c>), in folder order, nothing else read: what tab completion offers.
    /// </summary>
    internal static List<string> AuthFileUsernames(string directory)
    {
#if NET8_0_OR_GREATER
        // The name is matched where it lies and only the username becomes a string: EnumerateFiles made a full path,
        // a file name and then the username for each of the 10,000 files a Tab press lists.
        return new List<string>(new System.IO.Enumeration.FileSystemEnumerable<string>(directory,
            static (ref System.IO.Enumeration.FileSystemEntry entry) => entry.FileName.Slice(0, entry.FileName.Length - ".json".Length).ToString(), Files)
        {
            ShouldIncludePredicate = static (ref System.IO.Enumeration.FileSystemEntry entry) => !entry.IsDirectory && AuthFileName().IsMatch(entry.FileName),
        });
#else
        return FileNames(directory).Where(IsAuthFileName).Select(name => name.Substring(0, name.Length - ".json".Length)).ToList();
#endif
    }

    private static bool IsSortedByUsername(List<OrgAuthorization> orgs)
    {
        for (var index = 1; index < orgs.Count; index++)
            if (string.CompareOrdinal(orgs[index - 1].Username, orgs[index].Username) > 0) return false;
        return true;
    }

    /// <summary>One auth file as an org, or the warning sf gives about it instead, or neither (a file gone since the listing).</summary>
    private static (OrgAuthorization? Org, string? Warning) ReadOne(string file, IReadOnlyDictionary<string, string[]> aliases, IReadOnlyList<ConfigEntry> configs,
        SalesforcePaths paths, ISet<string> sandboxOrgIds, KeyLookup keyLookup, SecretCheck? check, SalesforceContext context)
    {
        var json = AuthFileReader.TryReadFields(file, check, out var problem);
        if (json is null)
        {
            // Gone since the listing: another logout (a parallel runspace, sf itself) removed it; nothing to warn about.
            return File.Exists(file) ? (null, $"{problem} It was skipped.") : (null, null);
        }
        var username = json.Username;
        if (username is null) return (null, $"The auth file {file} has no username; it was skipped.");
        // sf rejects every file when the keychain fails, warning once per file and listing nothing.
        if (keyLookup.Failure is { } failure) return (null, $"The auth file for {username} is invalid. Due to: {failure}");
        string? misnamedError = null;
        if (!IsNamedAfterItsUsername(file, username))
        {
            // sf loads the org a file names from <username>.json: a copy is listed as that org once more,
            // and a file whose username has no file of its own is an error entry naming that username.
            var named = AuthFileReader.TryReadFields(paths.AuthFile(username), check, out _);
            if (named is null) misnamedError = $"No authorization information found for {PrintableText.Of(username)}.";
            else json = named;
        }
        var org = Describe(file, username, json, aliases, configs, paths, sandboxOrgIds, context);
        org.Error = misnamedError ?? (json.SecretsPass ? null : Crypto.DecipherFailure);
        if (org.Error is not null)
        {
            // sf's error entries report no method and no expiry.
            org.OAuthMethod = OAuthMethod.Unknown;
            org.IsExpired = null;
        }
        return (org, null);
    }

    private static OrgAuthorization Describe(string file, string username, AuthFields json,
        IReadOnlyDictionary<string, string[]> aliases, IReadOnlyList<ConfigEntry> configs, SalesforcePaths paths, ISet<string> sandboxOrgIds, SalesforceContext context)
    {
        var orgAliases = aliases.TryGetValue(username, out var names) ? names : Array.Empty<string>();
        var orgId = json.OrgId;
        var devHubUsername = json.DevHubUsername;
        var isScratch = !string.IsNullOrEmpty(devHubUsername) || json.IsScratch;
        var dateText = json.ExpirationDate ?? json.TrailExpirationDate;
        var date = ParseJsDate(dateText);
        return new OrgAuthorization(username, file)
        {
            HomePath = context.HomeDirectory,
            Aliases = orgAliases,
            OrgId = orgId,
            InstanceUrl = json.InstanceUrl,
            LoginUrl = json.LoginUrl,
            OAuthMethod = MethodOf(json),
            IsDevHub = json.IsDevHub,
            IsScratchOrg = isScratch,
            IsSandbox = json.IsSandbox || (orgId is not null && HasSandboxFile(sandboxOrgIds, paths, orgId)),
            ExpirationDate = date,
            // sf: a scratch org with a date is expired once the date has passed; an unparsable date is "not expired".
            IsExpired = isScratch && dateText is not null ? date is { } d && d < context.Now : null,
            DevHubUsername = string.IsNullOrEmpty(devHubUsername) ? null : devHubUsername,
            Configs = ConfigsNaming(configs, username, orgAliases),
            ClientApps = json.ClientApps.Count > 0 ? json.ClientApps.ToArray() : Array.Empty<string>(),
            HasPassword = json.HasPassword,
        };
    }

    /// <summary>The keys of the effective config entries whose value is the username or one of its aliases (usually none).</summary>
    private static string[] ConfigsNaming(IReadOnlyList<ConfigEntry> configs, string username, string[] aliases)
    {
        List<string>? keys = null;
        for (var index = 0; index < configs.Count; index++)
            if (configs[index] is { Value: { } value } entry && (value == username || Array.IndexOf(aliases, value) >= 0)) (keys ??= new List<string>(1)).Add(entry.Key);
        return keys is null ? Array.Empty<string>() : keys.ToArray();
    }

    /// <summary>
    /// Whether <c>&lt;orgId&gt;.sandbox.json</c> exists, asked of the disk only when the folder's listing holds the name
    /// (nearly no org has a sandbox file). An orgId with a separator names a file elsewhere: always asked of the disk.
    /// </summary>
    private static bool HasSandboxFile(ISet<string> sandboxOrgIds, SalesforcePaths paths, string orgId)
        => (Path.GetFileName(orgId).Length != orgId.Length || sandboxOrgIds.Contains(orgId)) && File.Exists(paths.SandboxFile(orgId));

    /// <summary>jwt = a private key and no refresh token; token = neither; otherwise web.</summary>
    private static OAuthMethod MethodOf(AuthFields json)
    {
        var hasPrivateKey = json.HasPrivateKey;
        var hasRefreshToken = json.HasRefreshToken;
        if (hasPrivateKey && !hasRefreshToken) return OAuthMethod.Jwt;
        if (!hasPrivateKey && !hasRefreshToken) return OAuthMethod.Token;
        return OAuthMethod.Web;
    }

    /// <summary>Whether sf would find this file under its username (<c>&lt;username&gt;.json</c>): a copied file would not.</summary>
    internal static bool IsNamedAfterItsUsername(string authFile, string username)
#if NET8_0_OR_GREATER
        => Path.GetFileNameWithoutExtension(authFile.AsSpan()).SequenceEqual(username.AsSpan()); // no string per org
#else
        => Path.GetFileNameWithoutExtension(authFile) == username;
#endif

    /// <summary>JavaScript's Date parsing for the forms sf writes: a date-only value is UTC midnight.</summary>
    internal static DateTimeOffset? ParseJsDate(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var dateOnly))
            return new DateTimeOffset(dateOnly, TimeSpan.Zero);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant;
        return null;
    }
}
