using LogoutModule.Core.Shared;
using Tomlyn.Syntax;

namespace LogoutModule.Core.Codex;

/// <summary>
/// The auth settings from codex's config layers: /etc/codex/managed_config.toml over $CODEX_HOME/config.toml over
/// /etc/codex/config.toml (precedence as codex's managed layer implies; unverified). Any layer that does not parse,
/// or holds a value codex rejects, fails with codex's wording. The user layer's document is kept for auth_token removal.
/// </summary>
public sealed class CodexConfig
{
    private static readonly string[] StoreVariants = { "file", "keyring", "auto", "ephemeral" };
    private static readonly string[] LoginMethodVariants = { "chatgpt", "api" };

    private CodexConfig(string userConfigPath, ConfigToml? userDocument, AuthCredentialsStoreMode store, CodexForcedLoginMethod forcedLoginMethod)
    {
        UserConfigPath = userConfigPath;
        UserDocument = userDocument;
        Store = store;
        ForcedLoginMethod = forcedLoginMethod;
    }

    public string UserConfigPath { get; }

    /// <summary>$CODEX_HOME/config.toml as parsed; null when the file does not exist.</summary>
    public ConfigToml? UserDocument { get; }

    public AuthCredentialsStoreMode Store { get; }
    public CodexForcedLoginMethod ForcedLoginMethod { get; }

    /// <summary>Whether config.toml has the design document's top-level auth_token key (which codex ignores).</summary>
    public bool HasLegacyAuthToken => UserDocument?.FindTopLevel("auth_token") is not null;

    /// <summary>
    /// The home and its config, or null after writing codex's "Error loading configuration" as a non-terminating error:
    /// one bad home must not stop a pipeline of homes, and -ErrorAction decides what the caller sees.
    /// </summary>
    public static (string Home, CodexConfig Config)? LoadOrReport(CodexContext context, string? explicitHome, IHostInteraction host)
    {
        try
        {
            var home = CodexHome.Resolve(context, explicitHome);
            return (home, Load(context, home));
        }
        catch (LogoutException e)
        {
            host.WriteError(e.ToError());
            return null;
        }
    }

    public static CodexConfig Load(CodexContext context, string home)
    {
        var userPath = Path.Combine(home, "config.toml");
        var user = ParseLayer(userPath);
        var layers = new List<ConfigToml>();
        if (context.SystemConfigDirectory is { } system)
        {
            AddLayer(layers, Path.Combine(system, "managed_config.toml"));
            if (user is not null) layers.Add(user);
            AddLayer(layers, Path.Combine(system, "config.toml"));
        }
        else if (user is not null)
        {
            layers.Add(user);
        }

        var store = Setting(layers, "cli_auth_credentials_store", StoreVariants) switch
        {
            "keyring" => AuthCredentialsStoreMode.Keyring,
            "auto" => AuthCredentialsStoreMode.Auto,
            "ephemeral" => AuthCredentialsStoreMode.Ephemeral,
            _ => AuthCredentialsStoreMode.File,
        };
        var forced = Setting(layers, "forced_login_method", LoginMethodVariants) switch
        {
            "chatgpt" => CodexForcedLoginMethod.ChatGpt,
            "api" => CodexForcedLoginMethod.Api,
            _ => CodexForcedLoginMethod.None,
        };
        return new CodexConfig(userPath, user, store, forced);
    }

    private static void AddLayer(List<ConfigToml> layers, string path)
    {
        if (ParseLayer(path) is { } layer) layers.Add(layer);
    }

    private static ConfigToml? ParseLayer(string path) => File.Exists(path) ? ConfigToml.Read(path) : null;

    /// <summary>
    /// Deletes the top-level auth_token key from config.toml, leaving every other byte as it was (BOM, comments, order,
    /// line endings), through a temp file and rename that keep the file mode. False when the key is absent.
    /// The file is re-read so an edit made since Load is not lost.
    /// </summary>
    public bool RemoveLegacyAuthToken()
    {
        if (!File.Exists(UserConfigPath)) return false;
        if (ConfigToml.Read(UserConfigPath).WithoutTopLevelKey("auth_token") is not { } updated) return false;
        AtomicFile.WriteAllBytes(UserConfigPath, updated);
        return true;
    }

    /// <summary>The first layer's value for a top-level enum key, checked as serde checks an enum.</summary>
    private static string? Setting(IEnumerable<ConfigToml> layers, string key, string[] variants)
    {
        foreach (var layer in layers)
        {
            if (layer.FindTopLevel(key) is not { Value: { } value }) continue;
            var where = layer.Where(value.Span.Start.Offset);
            if (value is not StringValueSyntax { Value: { } text })
                throw CodexErrors.ConfigInvalid(layer.Path, $"{where}: invalid type for `{key}`, expected {Expected(variants)}");
            if (Array.IndexOf(variants, text) < 0)
                throw CodexErrors.ConfigInvalid(layer.Path, $"{where}: unknown variant `{text}`, expected {Expected(variants)}");
            return text;
        }
        return null;
    }

    // serde's wording: "`a` or `b`" for two variants, "one of `a`, `b`, `c`" for more.
    private static string Expected(string[] variants) => variants.Length == 2
        ? $"`{variants[0]}` or `{variants[1]}`"
        : "one of " + string.Join(", ", variants.Select(v => $"`{v}`"));
}
