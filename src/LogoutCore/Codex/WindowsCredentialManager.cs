using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>
/// Windows Credential Manager as keyring-rs uses it: a generic credential named "&lt;account&gt;.&lt;service&gt;" whose blob is
/// UTF-16LE text. Unverified: no Windows in CI.
/// </summary>
public sealed class WindowsCredentialManager : ICodexKeyring
{
    private const int GenericCredential = 1;
    private const int ErrorNotFound = 1168;

    public string Name => "Windows Credential Manager";

    public string? Read(string service, string account)
    {
        if (!CredRead(account + "." + service, GenericCredential, 0, out var handle)) return NotFoundOrThrow<string?>(null);
        try
        {
            var credential = Marshal.PtrToStructure<Credential>(handle);
            var blob = new byte[credential.CredentialBlobSize];
            Marshal.Copy(credential.CredentialBlob, blob, 0, blob.Length);
            return Encoding.Unicode.GetString(blob);
        }
        finally
        {
            CredFree(handle);
        }
    }

    public bool Delete(string service, string account)
        => CredDelete(account + "." + service, GenericCredential, 0) || NotFoundOrThrow<bool>(false);

    private static T NotFoundOrThrow<T>(T notFound)
    {
        var error = Marshal.GetLastWin32Error();
        if (error == ErrorNotFound) return notFound;
        throw new KeyringUnavailableException($"Windows Credential Manager failed: {new Win32Exception(error).Message}");
    }

    [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
    private struct Credential
    {
        public int Flags;
        public int Type;
        public IntPtr TargetName;
        public IntPtr Comment;
        public long LastWritten;
        public int CredentialBlobSize;
        public IntPtr CredentialBlob;
        public int Persist;
        public int AttributeCount;
        public IntPtr Attributes;
        public IntPtr TargetAlias;
        public IntPtr UserName;
    }

    [DllImport("advapi32.dll", EntryPoint = "CredReadW", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern bool CredRead(string target, int type, int flags, out IntPtr credential);

    [DllImport("advapi32.dll", EntryPoint = "CredDeleteW", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern bool CredDelete(string target, int type, int flags);

    [DllImport("advapi32.dll", SetLastError = false)]
    private static extern void CredFree(IntPtr buffer);
}
