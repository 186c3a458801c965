using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// Reads every org sf is logged into, computing each value as <c>sf org list auth</c> (AuthInfo.listAllAuthorizations) does.
/// </summary>
public static class OrgReader
{
    // sf's auth file name rule (case-sensitive): no leading dot, an @, then dot-separated labels, then .json.
    // sf's pattern with \z for its $: .NET's $ also matches before a final newline, JavaScript's does not.
    private static readonly Regex AuthFileName = new(@"^[^.][^@]*@[^.]+(\.[^.\s]+)+\.json\z", RegexOptions.CultureInvariant);

    public static bool IsAuthFileName(string fileName) => AuthFileName.IsMatch(fileName);

    public static OrgSnapshot Read(SalesforceContext context)
    {
        var paths = new SalesforcePaths(context);
        var warnings = new List<string>();
        if (!Directory.Exists(paths.SfdxDirectory)) return new OrgSnapshot(paths, Array.Empty<OrgAuthorization>(), warnings);

        // One listing of the folder answers both questions: which files are auth files, and which sandbox files exist
        // (a File.Exists per org was a tenth of a 10,000-org listing).
        var names = Directory.EnumerateFiles(paths.SfdxDirectory).Select(path => Path.GetFileName(path)).ToList();
        // Case-blind, so that it only ever rules out: on a case-insensitive disk File.Exists matches another case too.
        var fileNames = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        var authFiles = names.Where(IsAuthFileName)
            .OrderBy(name => name, StringComparer.Ordinal)
            .Select(name => Path.Combine(paths.SfdxDirectory, name))
            .ToList();
        if (authFiles.Count == 0) return new OrgSnapshot(paths, Array.Empty<OrgAuthorization>(), warnings);

        // Grouped once: sf's alias order per username is file order, which a lookup keeps.
        var aliases = AliasAccessor.GetAll(paths.AliasFile).ToLookup(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
        var configs = Config.ReadEffective(paths, context);
        var keyLookup = Keychain.Find(paths, context);
        if (keyLookup.OutOfReachWarning is { } outOfReach) warnings.Add(outOfReach);
        using var crypto = keyLookup.Key is { } key ? Crypto.TryCreate(key) : null;
        var keylessV2 = string.Equals(context.Variable("SF_CRYPTO_V2"), "true", StringComparison.OrdinalIgnoreCase);
        var orgs = new List<OrgAuthorization>();
        foreach (var file in authFiles)
        {
            var json = AuthFileReader.TryRead(file, out var problem);
            if (json is null)
            {
                // Gone since the listing: another logout (a parallel runspace, sf itself) removed it; nothing to warn about.
                if (!File.Exists(file)) continue;
                warnings.Add($"{problem} It was skipped.");
                continue;
            }
            var username = JsJson.AsString(json["username"]);
            if (username is null)
            {
                warnings.Add($"The auth file {file} has no username; it was skipped.");
                continue;
            }
            if (keyLookup.Failure is { } failure)
            {
                // sf rejects every file when the keychain fails, warning once per file and listing nothing.
                warnings.Add($"The auth file for {username} is invalid. Due to: {failure}");
                continue;
            }
            string? misnamedError = null;
            if (!IsNamedAfterItsUsername(file, username))
            {
                // sf loads the org a file names from <username>.json: a copy is listed as that org once more,
                // and a file whose username has no file of its own is an error entry naming that username.
                var named = AuthFileReader.TryRead(paths.AuthFile(username), out _);
                if (named is null) misnamedError = $"No authorization information found for {PrintableText.Of(username)}.";
                else json = named;
            }
            var org = Describe(file, username, json, aliases, configs, paths, fileNames, context);
            // Without the owner's key the files cannot be checked: sf run by that user would decrypt them.
            org.Error = misnamedError ?? (keyLookup.OutOfReachWarning is null ? DecryptionError(json, crypto, keylessV2) : null);
            if (org.Error is not null)
            {
                // sf's error entries report no method and no expiry.
                org.OAuthMethod = OAuthMethod.Unknown;
                org.IsExpired = null;
            }
            orgs.Add(org);
        }
        return new OrgSnapshot(paths, orgs.OrderBy(org => org.Username, StringComparer.Ordinal).ToList(), warnings);
    }

    private static OrgAuthorization Describe(string file, string username, JsonObject json,
        ILookup<string, string> aliases, IReadOnlyList<ConfigEntry> configs, SalesforcePaths paths, ISet<string> fileNames, SalesforceContext context)
    {
        var orgAliases = aliases[username].ToArray();
        var names = new HashSet<string>(orgAliases, StringComparer.Ordinal) { username };
        var orgId = JsJson.AsString(json["orgId"]);
        var devHubUsername = JsJson.AsString(json["devHubUsername"]);
        var isScratch = !string.IsNullOrEmpty(devHubUsername) || IsTrue(json["isScratch"]);
        var dateText = JsJson.AsString(json["expirationDate"]) ?? JsJson.AsString(json["trailExpirationDate"]);
        var date = ParseJsDate(dateText);
        return new OrgAuthorization(username, file)
        {
            HomePath = context.HomeDirectory,
            Aliases = orgAliases,
            OrgId = orgId,
            InstanceUrl = JsJson.AsString(json["instanceUrl"]),
            LoginUrl = JsJson.AsString(json["loginUrl"]),
            OAuthMethod = MethodOf(json),
            IsDevHub = IsTrue(json["isDevHub"]),
            IsScratchOrg = isScratch,
            IsSandbox = IsTrue(json["isSandbox"]) || (orgId is not null && IsListedFile(fileNames, paths.SfdxDirectory, paths.SandboxFile(orgId))),
            ExpirationDate = date,
            // sf: a scratch org with a date is expired once the date has passed; an unparsable date is "not expired".
            IsExpired = isScratch && dateText is not null ? date is { } d && d < context.Now : null,
            DevHubUsername = string.IsNullOrEmpty(devHubUsername) ? null : devHubUsername,
            Configs = configs.Where(entry => entry.Value is not null && names.Contains(entry.Value)).Select(entry => entry.Key).ToArray(),
            ClientApps = json["clientApps"] is JsonObject apps ? apps.Select(pair => pair.Key).ToArray() : Array.Empty<string>(),
            HasPassword = !string.IsNullOrEmpty(JsJson.AsString(json["password"])),
        };
    }

    /// <summary>
    /// File.Exists, asked of the disk only when the folder's listing holds the name (nearly no org has a sandbox file).
    /// A path outside <paramref name="folder"/> (an orgId with a separator) is always asked of the disk.
    /// </summary>
    private static bool IsListedFile(ISet<string> fileNames, string folder, string path)
        => (!string.Equals(Path.GetDirectoryName(path), folder, StringComparison.Ordinal) || fileNames.Contains(Path.GetFileName(path)))
           && File.Exists(path);

    /// <summary>jwt = a private key and no refresh token; token = neither; otherwise web.</summary>
    private static OAuthMethod MethodOf(JsonObject json)
    {
        var hasPrivateKey = !string.IsNullOrEmpty(JsJson.AsString(json["privateKey"]));
        var hasRefreshToken = !string.IsNullOrEmpty(JsJson.AsString(json["refreshToken"]));
        if (hasPrivateKey && !hasRefreshToken) return OAuthMethod.Jwt;
        if (!hasPrivateKey && !hasRefreshToken) return OAuthMethod.Token;
        return OAuthMethod.Web;
    }

    /// <summary>Whether sf would find this file under its username (<c>&lt;username&gt;.json</c>): a copied file would not.</summary>
    internal static bool IsNamedAfterItsUsername(string authFile, string username) => Path.GetFileNameWithoutExtension(authFile) == username;

    /// <summary>
    /// sf decrypts every secret of every listed org; any failure makes the org an error entry. With no key.json sf would
    /// write a fresh key (v2 when SF_CRYPTO_V2=true) that decrypts nothing, so an encrypted-looking value is a failure.
    /// </summary>
    private static string? DecryptionError(JsonObject json, Crypto? crypto, bool keylessV2)
    {
        foreach (var secret in Crypto.SecretValues(json))
        {
            if (crypto is null)
            {
                if (Crypto.HasEncryptedShape(secret.Value, keylessV2)) return Crypto.DecipherFailure;
                continue;
            }
            if (crypto.LooksEncrypted(secret.Value) && !crypto.Decrypts(secret.Value)) return Crypto.DecipherFailure;
        }
        return null;
    }

    private static bool IsTrue(JsonNode? node)
        => node is JsonValue value && value.TryGetValue(out JsonElement element) ? element.ValueKind == JsonValueKind.True
            : node is JsonValue plain && plain.TryGetValue(out bool flag) && flag;

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
