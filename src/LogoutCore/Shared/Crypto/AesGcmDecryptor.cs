using System.Security.Cryptography;

namespace LogoutModule.Core.Shared.Crypto;

/// <summary>
/// AES-256-GCM from the platform, never home-made: System.Security.Cryptography.AesGcm on .NET 8+
/// (PowerShell 7.4+), Windows CNG (bcrypt.dll) in the netstandard2.0 flavour that Windows PowerShell 5.1 loads.
/// </summary>
public static class AesGcmDecryptor
{
    public const int TagSize = 16;

    /// <summary>Decrypts and authenticates; throws CryptographicException when the tag does not match.</summary>
    public static byte[] Decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] tag)
    {
        var plaintext = new byte[ciphertext.Length];
#if NET8_0_OR_GREATER
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(nonce, ciphertext, tag, plaintext);
#else
        WindowsCng.Decrypt(key, nonce, ciphertext, tag, plaintext);
#endif
        return plaintext;
    }
}
