using System.Security.Cryptography;
using System.Text;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>
/// codex's home folder (codex-rs/utils/home-dir): a non-empty CODEX_HOME must be an existing directory and is
/// canonicalized; otherwise ~/.codex, which need not exist. -CodexHome stands in for CODEX_HOME.
/// </summary>
public static class CodexHome
{
    public const string KeyringService = "Codex Auth";

    public static string Resolve(CodexContext context, string? explicitHome)
    {
        var configured = string.IsNullOrEmpty(explicitHome) ? context.Variable("CODEX_HOME") : explicitHome;
        if (configured is null) return Path.Combine(context.UserHome, ".codex");
        if (File.Exists(configured))
            throw CodexErrors.HomeNotDirectory(configured);
        if (!Directory.Exists(configured))
            throw CodexErrors.HomeNotFound(configured);
        return Canonicalize(configured) ?? Path.GetFullPath(configured);
    }

    /// <summary>
    /// The keyring account: "cli|" + the first 16 hex digits of SHA-256 over the canonical home path
    /// (the path as given when it cannot be canonicalized, e.g. because it does not exist yet).
    /// </summary>
    public static string KeyringAccount(string home)
    {
        var path = Canonicalize(home) ?? home;
        using var sha = SHA256.Create();
        var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(path));
        var hex = new StringBuilder();
        for (var i = 0; i < 8; i++) hex.Append(digest[i].ToString("x2"));
        return "cli|" + hex;
    }

    /// <summary>Rust's fs::canonicalize: absolute with every symlink resolved; null when the path does not exist.</summary>
    public static string? Canonicalize(string path)
    {
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(full) && !File.Exists(full)) return null;
#if NET8_0_OR_GREATER
        if (OperatingSystem.IsWindows()) return @"\\?\" + full; // Rust's verbatim form (unverified)
        var root = Path.GetPathRoot(full)!;
        var resolved = root;
        foreach (var part in full.Substring(root.Length).Split(new[] { Path.DirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(resolved, part);
            var target = new FileInfo(candidate).LinkTarget is null ? null : new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true);
            resolved = target is null ? candidate : Canonicalize(target.FullName) ?? target.FullName;
        }
        return resolved;
#else
        return @"\\?\" + full; // netstandard2.0 runs only on Windows PowerShell (unverified form)
#endif
    }
}
