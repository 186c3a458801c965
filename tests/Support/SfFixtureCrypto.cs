using System.Security.Cryptography;
using System.Text;

namespace LogoutModule.Tests.Support;

/// <summary>
/// The encrypting half of sf's token crypto (@salesforce/core crypto.ts), for writing fixtures in sf's format:
/// AES-256-GCM, no AAD, stored as <c>&lt;iv text&gt;&lt;ciphertext hex&gt;:&lt;tag hex&gt;</c>. The module itself only
/// decrypts (Crypto), so this lives with the tests.
/// </summary>
public static class SfFixtureCrypto
{
    /// <summary>
    /// Encrypts <paramref name="plaintext"/> with a 32-character (v1: ASCII key, 12-character iv) or 64-character
    /// (v2: hex key, 24-hex-digit iv) sf key and the given iv text.
    /// </summary>
    public static string Encrypt(string keyText, string plaintext, string ivText)
    {
        var v2 = keyText.Length == 64;
        var key = v2 ? Convert.FromHexString(keyText) : Encoding.ASCII.GetBytes(keyText);
        var nonce = v2 ? Convert.FromHexString(ivText) : Encoding.ASCII.GetBytes(ivText);
        var input = Encoding.UTF8.GetBytes(plaintext);
        var ciphertext = new byte[input.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(key, tag.Length);
        aes.Encrypt(nonce, input, ciphertext, tag);
        return ivText + Convert.ToHexStringLower(ciphertext) + ":" + Convert.ToHexStringLower(tag);
    }
}
