using System.Text;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// The one-time work of a fresh process's first org listing, done ahead on a pool thread: loading System.Text.Json and
/// the platform cipher (OpenSSL), and the first calls into the JSON readers and the decryption. A fresh pwsh's first
/// Get-AuthenticatedOrg or Disconnect-Org paid about 35 ms for it; started at Import-Module, it runs on the other core
/// while PowerShell finishes the import. It reads no file, uses a made-up key and value, and keeps nothing.
/// </summary>
public static class ListingWarmup
{
    /// <summary>Queues the warm-up on the thread pool and returns at once; the warm-up never throws.</summary>
    public static void Start() => ThreadPool.QueueUserWorkItem(static _ => Run());

    /// <summary>
    /// The warm-up itself: returns whether every step ran. Any failure only means a later call does that work itself,
    /// so it is swallowed rather than surfacing on a pool thread, where it would end the process.
    /// </summary>
    internal static bool Run()
    {
        try
        {
            // A made-up v1 key and an auth file shaped like sf's, its token encrypted with that key.
            const string key = "0123456789abcdef0123456789abcdef";
            const string iv = "000000000000";
            var token = Encrypt(key, iv, "00D000000000000!AQ.warm-up");
            var authFile = Encoding.UTF8.GetBytes(
                "{\n  \"accessToken\": \"" + token + "\",\n  \"instanceUrl\": \"https://warm-up.example.invalid\",\n  \"orgId\": \"00D000000000000EAA\",\n"
                + "  \"username\": \"warm-up@example.invalid\",\n  \"loginUrl\": \"https://login.salesforce.com\",\n  \"isDevHub\": false\n}");
            using var crypto = new Crypto(key);
            var fields = AuthFields.Parse(authFile, value => !crypto.LooksEncrypted(value) || crypto.Decrypts(value));
            var aliases = Encoding.UTF8.GetBytes("{\"orgs\":{\"warm-up\":\"warm-up@example.invalid\"}}");
            using var document = JsJson.ParseDocument(aliases);
            var members = JsJson.StringMembers(document.RootElement.GetProperty("orgs"));
            var node = JsJson.ToNode(document);
            return fields is { SecretsPass: true } && members.Count == 1 && node is not null
                   && OrgReader.IsAuthFileName("warm-up@example.invalid.json") && OrgReader.ParseJsDate("2026-01-01") is not null;
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>sf's v1 encryption of <paramref name="plain"/>: iv text, ciphertext hex, ':', tag hex (see Crypto).</summary>
    private static string Encrypt(string key, string iv, string plain)
    {
#if NET8_0_OR_GREATER
        var plaintext = Encoding.UTF8.GetBytes(plain);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[Shared.Crypto.AesGcmDecryptor.TagSize];
        using (var aes = new System.Security.Cryptography.AesGcm(Encoding.ASCII.GetBytes(key), tag.Length))
            aes.Encrypt(Encoding.ASCII.GetBytes(iv), plaintext, ciphertext, tag);
        return iv + Convert.ToHexString(ciphertext).ToLowerInvariant() + ":" + Convert.ToHexString(tag).ToLowerInvariant();
#else
        // Windows CNG decrypts in the Windows PowerShell flavour; it needs no loading worth doing ahead.
        return plain;
#endif
    }
}
