using System.Buffers;
using System.Security.Cryptography;
using System.Text;
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
    public bool LooksEncrypted(string value) => LooksEncrypted(value.AsSpan());

    /// <inheritdoc cref="LooksEncrypted(string)"/>
    public bool LooksEncrypted(ReadOnlySpan<char> value) => HasEncryptedShape(value, _ivIsHex);

    /// <summary>
    /// The encrypted shape for a v2 key (hex iv) or a v1 key, for when there is no key to ask.
    /// The v1 shape includes every v2-shaped value.
    /// </summary>
    public static bool HasEncryptedShape(string value, bool v2) => HasEncryptedShape(value.AsSpan(), v2);

    /// <inheritdoc cref="HasEncryptedShape(string, bool)"/>
    public static bool HasEncryptedShape(ReadOnlySpan<char> value, bool v2)
    {
        var colon = value.IndexOf(':');
        if (colon < 0 || colon != value.LastIndexOf(':')) return false;
        var minimumBefore = v2 ? 12 : 6;
        return value.Length - colon - 1 == 32 && colon >= minimumBefore
            && IsHex(value[colon - 1]) && IsHex(value[colon + 1]);
    }

    /// <summary>Decrypts one stored value; throws CryptographicException with sf's wording when it cannot.</summary>
    public string Decrypt(string stored)
    {
        var plaintext = new byte[Math.Max(CiphertextLength(stored.AsSpan()), 0)];
        try
        {
            if (!TryDecrypt(stored.AsSpan(), plaintext)) throw new CryptographicException(DecipherFailure);
            return Encoding.UTF8.GetString(plaintext);
        }
        finally
        {
            Array.Clear(plaintext, 0, plaintext.Length);
        }
    }

    /// <summary>
    /// Whether a stored value decrypts and authenticates with this key: sf's check of every secret when it lists orgs.
    /// The plaintext is wiped at once and never becomes a string; nothing is allocated (a listing checks two values per org).
    /// </summary>
    public bool Decrypts(ReadOnlySpan<char> stored)
    {
        var length = CiphertextLength(stored);
        if (length < 0) return false;
        byte[]? rented = null;
        var plaintext = length <= 512 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            return TryDecrypt(stored, plaintext);
        }
        finally
        {
            plaintext.Clear();
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The plaintext's length in bytes of a value of the shape <c>&lt;iv&gt;&lt;ciphertext hex&gt;:&lt;tag hex&gt;</c>, or -1.</summary>
    private int CiphertextLength(ReadOnlySpan<char> stored)
    {
        var colon = stored.IndexOf(':');
        var hexLength = colon - _ivTextLength;
        return hexLength >= 0 && hexLength % 2 == 0 ? hexLength / 2 : -1;
    }

    /// <summary>
    /// sf's decipher of <paramref name="stored"/> into <paramref name="plaintext"/> (CiphertextLength bytes): false for any
    /// failure, a part that is not hex or has the wrong size included. A v1 iv is its text's bytes; a non-ASCII character
    /// there cannot be the random hex sf writes, so it fails as it does in sf.
    /// </summary>
    private bool TryDecrypt(ReadOnlySpan<char> stored, Span<byte> plaintext)
    {
        var colon = stored.IndexOf(':');
        if (colon < _ivTextLength || plaintext.Length != (colon - _ivTextLength) / 2) return false;
        Span<byte> nonce = stackalloc byte[_ivIsHex ? _ivTextLength / 2 : _ivTextLength];
        var ivText = stored.Slice(0, _ivTextLength);
        if (_ivIsHex)
        {
            if (!TryFromHex(ivText, nonce)) return false;
        }
        else
        {
            for (var i = 0; i < ivText.Length; i++)
            {
                if (ivText[i] > 0x7F) return false;
                nonce[i] = (byte)ivText[i];
            }
        }
        var tagText = stored.Slice(colon + 1);
        if (tagText.Length != 2 * AesGcmDecryptor.TagSize) return false;
        Span<byte> tag = stackalloc byte[AesGcmDecryptor.TagSize];
        return TryFromHex(tagText, tag)
               && TryFromHex(stored.Slice(_ivTextLength, colon - _ivTextLength), plaintext)
               && _aes.TryDecrypt(nonce, plaintext, tag, plaintext);
    }

    public void Dispose() => _aes.Dispose();

    /// <summary>sf encrypts every string whose property name contains token, password or secret, at any depth.</summary>
    public static bool IsSecretProperty(string name)
        => name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0
           || name.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0
           || name.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool IsHex(char c) => Nibble(c) >= 0;

    /// <summary>Hex text to bytes; FormatException for odd length or a non-hex character.</summary>
    private static byte[] FromHex(string hex)
    {
        var bytes = new byte[hex.Length / 2];
        return hex.Length % 2 == 0 && TryFromHex(hex.AsSpan(), bytes) ? bytes : throw new FormatException("Not hex text.");
    }

    /// <summary>Decodes hex text (either case) into <paramref name="bytes"/>, exactly half its length; false for any other character.</summary>
    private static bool TryFromHex(ReadOnlySpan<char> hex, Span<byte> bytes)
    {
        if (hex.Length != 2 * bytes.Length) return false;
        for (var i = 0; i < bytes.Length; i++)
        {
            int high = Nibble(hex[2 * i]), low = Nibble(hex[2 * i + 1]);
            if ((high | low) < 0) return false;
            bytes[i] = (byte)(high << 4 | low);
        }
        return true;
    }

    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
