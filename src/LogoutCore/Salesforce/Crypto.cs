using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared.Crypto;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// sf's token encryption (@salesforce/core crypto.ts): AES-256-GCM, no AAD, stored as
/// <c>&lt;iv text&gt;&lt;ciphertext hex&gt;:&lt;tag hex&gt;</c>. The key's length picks the version:
/// 32 characters = v1 (the key text's ASCII bytes; the iv is 12 ASCII characters),
/// 64 = v2 (hex-decoded key; the iv is 24 hex characters).
/// Holds the key imported into the platform cipher until disposed; safe to share between threads.
/// </summary>
public sealed class Crypto : IDisposable
{
    public const string DecipherFailure = "Failed to decipher auth data. reason: Unsupported state or unable to authenticate data.";

    private readonly AesGcmDecryptor _aes;
    private readonly int _ivTextLength;
    private readonly bool _ivIsHex;

    public Crypto(string keyText)
    {
        switch (keyText.Length)
        {
            case 32:
                _aes = new AesGcmDecryptor(Encoding.ASCII.GetBytes(keyText));
                _ivTextLength = 12;
                _ivIsHex = false;
                break;
            case 64:
                _aes = new AesGcmDecryptor(FromHex(keyText));
                _ivTextLength = 24;
                _ivIsHex = true;
                break;
            default:
                throw new ArgumentException($"An sf key has 32 (v1) or 64 (v2) characters, not {keyText.Length}.", nameof(keyText));
        }
    }

    /// <summary>A key.json key as Crypto, or null when its length fits no version (sf cannot use it either).</summary>
    public static Crypto? TryCreate(string keyText) => keyText.Length is 32 or 64 ? new Crypto(keyText) : null;

    /// <summary>Whether a stored value has the encrypted shape for this key; other values are plain text to sf.</summary>
    public bool LooksEncrypted(string value) => HasEncryptedShape(value, _ivIsHex);

    /// <summary>
    /// The encrypted shape for a v2 key (hex iv) or a v1 key, for when there is no key to ask.
    /// The v1 shape includes every v2-shaped value.
    /// </summary>
    public static bool HasEncryptedShape(string value, bool v2)
    {
        var colon = value.IndexOf(':');
        if (colon < 0 || colon != value.LastIndexOf(':')) return false;
        var minimumBefore = v2 ? 12 : 6;
        return value.Length - colon - 1 == 32 && colon >= minimumBefore
            && IsHex(value[colon - 1]) && IsHex(value[colon + 1]);
    }

    /// <summary>Decrypts one stored value; throws CryptographicException with sf's wording when it cannot.</summary>
    public string Decrypt(string stored) => Encoding.UTF8.GetString(DecryptBytes(stored));

    /// <summary>
    /// Whether a stored value decrypts and authenticates with this key: sf's check of every secret when it lists orgs.
    /// The plaintext is wiped at once and never becomes a string.
    /// </summary>
    public bool Decrypts(string stored)
    {
        try
        {
            var plaintext = DecryptBytes(stored);
            Array.Clear(plaintext, 0, plaintext.Length);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private byte[] DecryptBytes(string stored)
    {
        try
        {
            var colon = stored.IndexOf(':');
            var body = stored.Substring(0, colon);
            var ivText = body.Substring(0, _ivTextLength);
            var nonce = _ivIsHex ? FromHex(ivText) : Encoding.ASCII.GetBytes(ivText);
            var ciphertext = FromHex(body.Substring(_ivTextLength));
            var tag = FromHex(stored.Substring(colon + 1));
            var plaintext = new byte[ciphertext.Length];
            _aes.Decrypt(nonce, ciphertext, tag, plaintext);
            return plaintext;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            throw new CryptographicException(DecipherFailure, e);
        }
    }

    public void Dispose() => _aes.Dispose();

    /// <summary>sf encrypts every string whose property name contains token, password or secret, at any depth.</summary>
    public static bool IsSecretProperty(string name)
        => name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0
           || name.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0
           || name.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>Every (property name, value) that sf would decrypt in an auth file, at any depth.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> SecretValues(JsonNode? node)
    {
        // One list filled by one recursive walk: nested iterators cost an allocation per JSON value, for every org listed.
        var found = new List<KeyValuePair<string, string>>();
        CollectSecrets(node, found);
        return found;
    }

    private static void CollectSecrets(JsonNode? node, List<KeyValuePair<string, string>> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var pair in obj)
                {
                    if (IsSecretProperty(pair.Key) && Shared.JsJson.AsString(pair.Value) is { } text)
                        found.Add(new KeyValuePair<string, string>(pair.Key, text));
                    CollectSecrets(pair.Value, found);
                }
                break;
            case JsonArray array:
                foreach (var item in array) CollectSecrets(item, found);
                break;
        }
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    /// <summary>Hex text to bytes; FormatException for odd length or a non-hex character.</summary>
    private static byte[] FromHex(string hex)
    {
#if NET8_0_OR_GREATER
        // The platform's decoder: a listing decrypts two values per org, and a substring per byte was most of its cost.
        return Convert.FromHexString(hex);
#else
        if (hex.Length % 2 != 0) throw new FormatException("Odd-length hex text.");
        var bytes = new byte[hex.Length / 2];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)(Nibble(hex[2 * i]) << 4 | Nibble(hex[2 * i + 1]));
        return bytes;
#endif
    }

#if !NET8_0_OR_GREATER
    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => throw new FormatException("Not hex text."),
    };
#endif
}
