using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>The OS keyring as codex's keyring crate uses it: one secret per (service, account).</summary>
public interface ICodexKeyring
{
    /// <summary>Names the keyring in messages, e.g. "Secret Service".</summary>
    string Name { get; }

    /// <summary>The stored secret, or null when there is none. Throws KeyringUnavailableException when the keyring cannot be reached.</summary>
    string? Read(string service, string account);

    /// <summary>Deletes the entry; false when there was none. Throws KeyringUnavailableException when the keyring cannot be reached.</summary>
    bool Delete(string service, string account);
}

/// <summary>The keyring could not be asked; the message says why and holds no secret.</summary>
public sealed class KeyringUnavailableException : Exception
{
    public KeyringUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}

public static class CodexKeyrings
{
    public static ICodexKeyring ForPlatform(HostPlatform platform) => platform switch
    {
        HostPlatform.MacOS => new MacKeychain(),
        HostPlatform.Windows => new WindowsCredentialManager(),
        _ => new SecretServiceKeyring(),
    };
}

/// <summary>
/// Linux Secret Service through libsecret's secret-tool. keyring-rs stores the attributes service, username (the account),
/// target=default and application=rust-keyring; matching on service and username finds codex's entry.
/// secret-tool exits 1 silently when nothing matches and prints to stderr when the service is unreachable.
/// </summary>
public sealed class SecretServiceKeyring : ICodexKeyring
{
    private readonly string _secretTool;
    private readonly IReadOnlyDictionary<string, string?>? _environment;

    public SecretServiceKeyring(string secretTool = "secret-tool", IReadOnlyDictionary<string, string?>? environment = null)
    {
        _secretTool = secretTool;
        _environment = environment;
    }

    public string Name => "Secret Service";

    public string? Read(string service, string account)
    {
        var result = Run("lookup", service, account);
        if (result.ExitCode == 0) return result.StandardOutput;
        if (result.StandardError.Trim().Length == 0) return null;
        throw Unavailable(result);
    }

    public bool Delete(string service, string account)
    {
        if (Read(service, account) is null) return false;
        var result = Run("clear", service, account);
        if (result.ExitCode != 0) throw Unavailable(result);
        return true;
    }

    private ProcessRunner.Result Run(string verb, string service, string account)
    {
        try
        {
            return ProcessRunner.Run(_secretTool, new[] { verb, "service", service, "username", account }, environment: _environment);
        }
        catch (Exception e) when (e is Win32Exception or TimeoutException or InvalidOperationException)
        {
            throw new KeyringUnavailableException($"the Secret Service could not be reached: {e.Message}", e);
        }
    }

    private static KeyringUnavailableException Unavailable(ProcessRunner.Result result)
        => new($"the Secret Service could not be reached: {result.StandardError.Trim()}");
}

/// <summary>macOS Keychain generic passwords through /usr/bin/security (exit 44: no such item). Unverified: no macOS in CI.</summary>
public sealed class MacKeychain : ICodexKeyring
{
    private const int ItemNotFound = 44;

    public string Name => "macOS Keychain";

    public string? Read(string service, string account)
    {
        var result = Run("find-generic-password", "-s", service, "-a", account, "-w");
        if (result.ExitCode == 0) return result.StandardOutput.TrimEnd('\n');
        return result.ExitCode == ItemNotFound ? null : throw Unavailable(result);
    }

    public bool Delete(string service, string account)
    {
        var result = Run("delete-generic-password", "-s", service, "-a", account);
        if (result.ExitCode == 0) return true;
        return result.ExitCode == ItemNotFound ? false : throw Unavailable(result);
    }

    private static ProcessRunner.Result Run(params string[] arguments)
    {
        try
        {
            return ProcessRunner.Run("/usr/bin/security", arguments);
        }
        catch (Exception e) when (e is Win32Exception or TimeoutException or InvalidOperationException)
        {
            throw new KeyringUnavailableException($"the macOS Keychain could not be reached: {e.Message}", e);
        }
    }

    private static KeyringUnavailableException Unavailable(ProcessRunner.Result result)
        => new($"the macOS Keychain could not be reached: {result.StandardError.Trim()}");
}

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
