using System.Security.Cryptography;

namespace LogoutModule.Core.Shared.Crypto;

/// <summary>
/// AES-256-GCM decryption with one key, from the platform, never home-made: System.Security.Cryptography.AesGcm on
/// .NET 8+ (PowerShell 7.4+), Windows CNG (bcrypt.dll) in the netstandard2.0 flavour that Windows PowerShell 5.1 loads.
/// One instance serves every value of a listing: importing the key into the platform cipher cost more than the
/// decryption itself, twice per org. Safe to call from several threads at once (a listing reads on every core,
/// concurrent revocations share one).
/// </summary>
public sealed class AesGcmDecryptor : IDisposable
{
    public const int TagSize = 16;

    private readonly byte[] _key;
#if NET8_0_OR_GREATER
    // AesGcm keeps one cipher context per instance, so calls on one must not overlap: one per thread, each key import
    // paid once per thread (a lock made the threads of a listing wait on each other).
    private readonly ThreadLocal<AesGcm> _aes;
#endif

    /// <summary>A decryptor for a 16-, 24- or 32-byte key; CryptographicException for any other length.</summary>
    public AesGcmDecryptor(byte[] key)
    {
        if (key.Length is not (16 or 24 or 32)) throw new CryptographicException($"An AES key has 16, 24 or 32 bytes, not {key.Length}.");
        _key = (byte[])key.Clone();
#if NET8_0_OR_GREATER
        _aes = new ThreadLocal<AesGcm>(() => new AesGcm(_key, TagSize), trackAllValues: true);
#endif
    }

    /// <summary>
    /// Decrypts and authenticates <paramref name="ciphertext"/> into <paramref name="plaintext"/> (the same length).
    /// Returns false, with <paramref name="plaintext"/> cleared, when the tag does not match or a part has the wrong
    /// size (a 12-byte nonce, a <see cref="TagSize"/>-byte tag); never throws for such data.
    /// </summary>
    public bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext)
    {
        if (nonce.Length != 12 || tag.Length != TagSize || plaintext.Length != ciphertext.Length) return false;
        try
        {
#if NET8_0_OR_GREATER
            _aes.Value!.Decrypt(nonce, ciphertext, tag, plaintext);
#else
            var buffer = new byte[plaintext.Length];
            WindowsCng.Decrypt(_key, nonce.ToArray(), ciphertext.ToArray(), tag.ToArray(), buffer);
            buffer.CopyTo(plaintext);
            Array.Clear(buffer, 0, buffer.Length);
#endif
            return true;
        }
        catch (CryptographicException)
        {
            plaintext.Clear();
            return false;
        }
    }

    public void Dispose()
    {
#if NET8_0_OR_GREATER
        foreach (var aes in _aes.Values) aes.Dispose();
        _aes.Dispose();
#endif
        Array.Clear(_key, 0, _key.Length);
    }
}
