using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// The names tab completion offers for sf orgs, read fast and never decrypted: usernames from the auth file names in
/// <c>~/.sfdx</c> (sf names each file <c>&lt;username&gt;.json</c>), aliases from <c>alias.json</c>, and one org's
/// linked client app names from its auth file's <c>clientApps</c> keys. Every member returns an empty list rather than
/// throw: a completer must never break the prompt.
/// </summary>
public static class OrgNames
{
    /// <summary>Usernames and aliases fitting <paramref name="wordToComplete"/> (see <see cref="CompletionText.CompleteAt"/>).</summary>
    public static IReadOnlyList<NameCompletion> CompleteOrg(SalesforceContext context, string? wordToComplete)
    {
        try
        {
            var paths = new SalesforcePaths(context);
            var usernames = Usernames(paths);
            var aliases = Aliases(paths);
            // Usernames first: an alias spelled like a username is offered once, as that username.
            var names = new List<string?>(usernames.Count + aliases.Count);
            names.AddRange(usernames);
            foreach (var alias in aliases) names.Add(alias.Key);
            return CompletionText.CompleteAt(names, place => place < usernames.Count
                ? names[place]!
                : $"{names[place]} (alias of {aliases[place - usernames.Count].Value})", wordToComplete);
        }
        catch (Exception)
        {
            return Array.Empty<NameCompletion>();
        }
    }

    /// <summary>
    /// The client app names linked to the org <paramref name="targetOrg"/> names (a username or an alias, exact as sf
    /// matches), read from the <c>clientApps</c> keys of its auth file only, fitting <paramref name="wordToComplete"/>.
    /// </summary>
    public static IReadOnlyList<NameCompletion> CompleteClientApp(SalesforceContext context, string? targetOrg, string? wordToComplete)
    {
        try
        {
            if (string.IsNullOrEmpty(targetOrg)) return Array.Empty<NameCompletion>();
            var paths = new SalesforcePaths(context);
            var username = Aliases(paths).Where(pair => pair.Key == targetOrg).Select(pair => pair.Value).FirstOrDefault() ?? targetOrg!;
            // The auth file read as every listing reads it (AuthFields keeps clientApps' names, in file order).
            if (AuthFileReader.TryReadFields(paths.AuthFile(username), check: null, out _) is not { } fields) return Array.Empty<NameCompletion>();
            return CompletionText.Complete(fields.ClientApps, name => $"{name} (client app linked to {username})", wordToComplete);
        }
        catch (Exception)
        {
            return Array.Empty<NameCompletion>();
        }
    }

    private static IReadOnlyList<string> Usernames(SalesforcePaths paths)
        => Directory.Exists(paths.SfdxDirectory) ? OrgReader.AuthFileUsernames(paths.SfdxDirectory) : new List<string>();

    private static IReadOnlyList<KeyValuePair<string, string>> Aliases(SalesforcePaths paths)
    {
        try
        {
            return AliasAccessor.GetAll(paths.AliasFile);
        }
        catch (LogoutException)
        {
            return Array.Empty<KeyValuePair<string, string>>(); // a broken alias.json still completes usernames
        }
    }
}
