#if !NET8_0_OR_GREATER
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace LogoutModule.Core.Shared.Crypto;

/// <summary>
/// AES-GCM through Windows CNG (BCryptDecrypt with BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO),
/// for Windows PowerShell 5.1 where .NET Framework has no AesGcm class.
/// </summary>
internal static class WindowsCng
{
    private const string BCRYPT_AES_ALGORITHM = "AES";
    private const string BCRYPT_CHAINING_MODE = "ChainingMode";
    private const string BCRYPT_CHAIN_MODE_GCM = "ChainingModeGCM";
    private const uint STATUS_AUTH_TAG_MISMATCH = 0xC000A002;

    public static unsafe void Decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] tag, byte[] plaintext)
    {
        Check(BCryptOpenAlgorithmProvider(out var algorithm, BCRYPT_AES_ALGORITHM, null, 0));
        try
        {
            var mode = System.Text.Encoding.Unicode.GetBytes(BCRYPT_CHAIN_MODE_GCM + "\0");
            Check(BCryptSetProperty(algorithm, BCRYPT_CHAINING_MODE, mode, mode.Length, 0));
            Check(BCryptGenerateSymmetricKey(algorithm, out var keyHandle, IntPtr.Zero, 0, key, key.Length, 0));
            try
            {
                fixed (byte* noncePtr = nonce)
                fixed (byte* tagPtr = tag)
                {
                    var info = new BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO
                    {
                        cbSize = Marshal.SizeOf<BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO>(),
                        dwInfoVersion = 1,
                        pbNonce = (IntPtr)noncePtr,
                        cbNonce = nonce.Length,
                        pbTag = (IntPtr)tagPtr,
                        cbTag = tag.Length,
                    };
                    var status = BCryptDecrypt(keyHandle, ciphertext, ciphertext.Length, ref info, null, 0, plaintext, plaintext.Length, out _, 0);
                    if (status == STATUS_AUTH_TAG_MISMATCH) throw new CryptographicException("Unsupported state or unable to authenticate data");
                    Check(status);
                }
            }
            finally
            {
                BCryptDestroyKey(keyHandle);
            }
        }
        finally
        {
            BCryptCloseAlgorithmProvider(algorithm, 0);
        }
    }

    private static void Check(uint status)
    {
        if (status != 0) throw new CryptographicException($"Windows CNG call failed with status 0x{status:X8}.");
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO
    {
        public int cbSize;
        public int dwInfoVersion;
        public IntPtr pbNonce;
        public int cbNonce;
        public IntPtr pbAuthData;
        public int cbAuthData;
        public IntPtr pbTag;
        public int cbTag;
        public IntPtr pbMacContext;
        public int cbMacContext;
        public int cbAAD;
        public long cbData;
        public int dwFlags;
    }

    [DllImport("bcrypt.dll", CharSet = CharSet.Unicode)]
    private static extern uint BCryptOpenAlgorithmProvider(out IntPtr algorithm, string algId, string? implementation, uint flags);

    [DllImport("bcrypt.dll", CharSet = CharSet.Unicode)]
    private static extern uint BCryptSetProperty(IntPtr handle, string property, byte[] input, int inputSize, uint flags);

    [DllImport("bcrypt.dll")]
    private static extern uint BCryptGenerateSymmetricKey(IntPtr algorithm, out IntPtr key, IntPtr keyObject, int keyObjectSize, byte[] secret, int secretSize, uint flags);

    [DllImport("bcrypt.dll")]
    private static extern uint BCryptDecrypt(IntPtr key, byte[] input, int inputSize, ref BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO info, byte[]? iv, int ivSize, byte[] output, int outputSize, out int written, uint flags);

    [DllImport("bcrypt.dll")]
    private static extern uint BCryptDestroyKey(IntPtr key);

    [DllImport("bcrypt.dll")]
    private static extern uint BCryptCloseAlgorithmProvider(IntPtr algorithm, uint flags);
}
#endif
