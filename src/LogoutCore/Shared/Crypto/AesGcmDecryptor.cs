using System.Security.Cryptography;

namespace LogoutModule.Core.Shared.Crypto;

/// <summary>
/// AES-256-GCM decryption with one key, from the platform, never home-made: System.Security.Cryptography.AesGcm on
/// .NET 8+ (PowerShell 7.4+), Windows CNG (bcrypt.dll) in the netstandard2.0 flavour that Windows PowerShell 5.1 loads.
/// One instance serves every value of a listing: importing the key into the platform cipher cost more than the
/// decryption itself, twice per org. Safe to call from several threads (concurrent revocations share one).
/// </summary>
public sealed class AesGcmDecryptor : IDisposable
{
    public const int TagSize = 16;

#if NET8_0_OR_GREATER
    private readonly AesGcm _aes;
#else
    private readonly byte[] _key;
#endif

    /// <summary>A decryptor for a 16-, 24- or 32-byte key; CryptographicException for any other length.</summary>
    public AesGcmDecryptor(byte[] key)
    {
#if NET8_0_OR_GREATER
        _aes = new AesGcm(key, TagSize);
#else
        _key = (byte[])key.Clone();
#endif
    }

    /// <summary>
    /// Decrypts and authenticates <paramref name="ciphertext"/> into <paramref name="plaintext"/> (the same length);
    /// throws CryptographicException when the tag does not match.
    /// </summary>
    public void Decrypt(byte[] nonce, byte[] ciphertext, byte[] tag, byte[] plaintext)
    {
#if NET8_0_OR_GREATER
        // AesGcm keeps one cipher context per instance: calls on it must not overlap.
        lock (_aes) _aes.Decrypt(nonce, ciphertext, tag, plaintext);
#else
        WindowsCng.Decrypt(_key, nonce, ciphertext, tag, plaintext);
#endif
    }

    public void Dispose()
    {
#if NET8_0_OR_GREATER
        _aes.Dispose();
#else
        Array.Clear(_key, 0, _key.Length);
#endif
    }
}
