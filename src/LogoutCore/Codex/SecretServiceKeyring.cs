using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

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
