using System.Text.Json;
using System.Text.RegularExpressions;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// Where sf's encryption key comes from (service "sfdx", account "local"): <c>~/.sfdx/key.json</c> on Windows and
/// with SF_USE_GENERIC_UNIX_KEYCHAIN; otherwise the macOS login keychain or Linux's secret-tool
/// (key.json when secret-tool is not installed). The key is never created: sf would write a new one,
/// which makes every existing org undecryptable.
/// For another user's home (-HomePath) only key.json can be read: the keychain this session reaches is its own user's.
/// </summary>
public static class Keychain
{
    public static KeyLookup Find(SalesforcePaths paths, SalesforceContext context)
    {
        if (context.Platform == HostPlatform.Windows || UsesGenericKeychain(context)) return FromKeyFile(paths, context);
        if (context.Platform == HostPlatform.MacOS)
            return context.IsOtherUsersHome ? Unreachable(context, "macOS Keychain") : FromMacKeychain();
        var secretTool = context.Variable("SFDX_SECRET_TOOL_PATH") ?? "/usr/bin/secret-tool";
        if (!ProcessRunner.IsExecutable(secretTool)) return FromKeyFile(paths, context);
        return context.IsOtherUsersHome ? Unreachable(context, "Secret Service (secret-tool)") : FromSecretTool(secretTool, context);
    }

    // Asking this session's keychain would return this user's key (or none), never the key of the home's owner.
    private static KeyLookup Unreachable(SalesforceContext context, string store)
        => KeyLookup.OutOfReach($"The sf key of {context.HomeDirectory} is in its user's {store}, which this session cannot reach: "
            + "its orgs are listed and can be logged out from their files, but their tokens cannot be decrypted, so -Revoke cannot revoke them. "
            + "Run as that user, or set SF_USE_GENERIC_UNIX_KEYCHAIN=true if that home keeps its key in .sfdx/key.json.");

    public static bool UsesGenericKeychain(SalesforceContext context)
    {
        var value = context.Variable("SF_USE_GENERIC_UNIX_KEYCHAIN") ?? context.Variable("SFDX_USE_GENERIC_UNIX_KEYCHAIN");
        return value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
    }

    private static KeyLookup FromKeyFile(SalesforcePaths paths, SalesforceContext context)
    {
        var keyFile = paths.KeyFile;
        if (!File.Exists(keyFile)) return KeyLookup.Missing();
        if (context.Platform != HostPlatform.Windows && !HasSecretFilePermissions(keyFile, paths.SfdxDirectory))
            return KeyLookup.Failed($"Invalid file permissions for secret file: {keyFile}");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(keyFile));
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String)
                return KeyLookup.Found(key.GetString()!);
            return KeyLookup.Failed($"The key file {keyFile} has no \"key\" value.");
        }
        catch (JsonException)
        {
            return KeyLookup.Failed($"The key file {keyFile} is not valid JSON.");
        }
    }

    // sf requires exactly 0600 on key.json (0400 fails) and an owner-rwx ~/.sfdx.
    private static bool HasSecretFilePermissions(string keyFile, string directory)
    {
        var fileMode = FilePermissions.Get(keyFile);
        var directoryMode = FilePermissions.Get(directory);
        return fileMode is null || (fileMode.Value.Bits == 0x180 && (directoryMode is null || (directoryMode.Value.Bits & 0x1C0) == 0x1C0));
    }

    private static KeyLookup FromSecretTool(string secretTool, SalesforceContext context)
    {
        // secret-tool reaches the Secret Service through the session bus the context names.
        var bus = new Dictionary<string, string?> { ["DBUS_SESSION_BUS_ADDRESS"] = context.Variable("DBUS_SESSION_BUS_ADDRESS") };
        var result = ProcessRunner.Run(secretTool, new[] { "lookup", "user", "local", "domain", "sfdx" }, environment: bus);
        var key = result.StandardOutput.Trim();
        return result.ExitCode == 0 && key.Length > 0
            ? KeyLookup.Found(key)
            : KeyLookup.Failed("The sf key was not found by secret-tool (user local, domain sfdx).");
    }

    private static KeyLookup FromMacKeychain()
    {
        var result = ProcessRunner.Run("/usr/bin/security", new[] { "find-generic-password", "-a", "local", "-s", "sfdx", "-g" });
        var match = Regex.Match(result.StandardError, "password: \"(?<key>[^\"]*)\"");
        return result.ExitCode == 0 && match.Success
            ? KeyLookup.Found(match.Groups["key"].Value)
            : KeyLookup.Failed("The sf key was not found in the macOS keychain (account local, service sfdx).");
    }
}
