using System.Text.RegularExpressions;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>
/// Auth0's matching: scheme and host case-insensitive, port exact (an empty path equals "/"), path case-sensitive;
/// /v2/logout ignores the returnTo's query and fragment, /oidc/logout needs them to be identical.
/// </summary>
public static class AllowListMatcher
{
    public static AllowListMatch Match(string returnTo, IReadOnlyList<string> allowedLogoutUrls, Auth0LogoutEndpoint endpoint, Action<string>? warn = null)
    {
        ReturnToUrl.Validate(returnTo);
        var url = UrlParts.TryParse(returnTo)!;
        var entries = new List<AllowedLogoutUrl>();
        foreach (var text in allowedLogoutUrls)
        {
            var entry = AllowedLogoutUrl.TryParse(text, out var problem);
            if (entry is null) warn?.Invoke($"Skipping the Allowed Logout URL '{PrintableText.Of(text)}': {problem}.");
            else entries.Add(entry);
        }

        var matched = entries.FirstOrDefault(e => Matches(e, url, endpoint));
        if (matched is not null)
            return new AllowListMatch(true, $"'{returnTo}' matches the Allowed Logout URL '{matched.Entry}'.", matched.Entry, null);

        var reason = entries.Count == 0
            ? "The Allowed Logout URLs list is empty (or has no valid entry)."
            : $"'{returnTo}' matches none of the {entries.Count} Allowed Logout URL(s).";
        return new AllowListMatch(false, reason, null, NearMiss(entries, url, returnTo, endpoint));
    }

    /// <summary>
    /// Tab completion for a returnTo when the Allowed Logout URLs are known (typed on the same command line): the valid
    /// entries without a wildcard (an entry with one is a pattern, not a URL to send) that fit <paramref name="wordToComplete"/>.
    /// Never throws.
    /// </summary>
    public static IReadOnlyList<NameCompletion> CompleteReturnTo(IEnumerable<string> allowedLogoutUrls, string? wordToComplete)
    {
        var usable = allowedLogoutUrls.Where(text => !string.IsNullOrEmpty(text) && AllowedLogoutUrl.TryParse(text, out _) is { HasWildcard: false });
        return CompletionText.Complete(usable, url => $"{url} (an Allowed Logout URL)", wordToComplete);
    }

    private static bool Matches(AllowedLogoutUrl entry, UrlParts url, Auth0LogoutEndpoint endpoint)
    {
        if (!entry.SchemeHostPortMatch(url) || !string.Equals(entry.Parts.Path, url.Path, StringComparison.Ordinal)) return false;
        if (endpoint == Auth0LogoutEndpoint.V2) return true;
        // /oidc/logout compares the whole URI and does not honour wildcards (nextjs-auth0#1883).
        return !entry.HasWildcard && entry.Parts.Query == url.Query && entry.Parts.Fragment == url.Fragment;
    }

    /// <summary>The most useful explanation of an almost-matching entry, as Auth0 users most often trip on these.</summary>
    private static string? NearMiss(IReadOnlyList<AllowedLogoutUrl> entries, UrlParts url, string returnTo, Auth0LogoutEndpoint endpoint)
    {
        foreach (var entry in entries.Where(e => e.SchemeHostPortMatch(url)))
        {
            // Only the path counts: an encoded value inside the query (?next=https%3A%2F%2F…) is legitimate.
            if (entry.Parts.Path != url.Path && entry.Parts.Path == Uri.UnescapeDataString(url.Path))
                return $"The returnTo's path {ReturnToUrl.AlreadyEncoded}; it then differs from '{entry.Entry}'.";
            if (entry.Parts.Path == url.Path)
            {
                // Same scheme, host, port and path yet no match: only /oidc/logout gets here.
                return entry.HasWildcard
                    ? $"'{entry.Entry}' has a wildcard, which /oidc/logout does not honour."
                    : $"Only the query or fragment differs from '{entry.Entry}'; /oidc/logout requires an exact match.";
            }
            if (entry.Parts.Path.TrimEnd('/') == url.Path.TrimEnd('/'))
                return $"Only a trailing slash differs from the Allowed Logout URL '{entry.Entry}'.";
            if (string.Equals(entry.Parts.Path, url.Path, StringComparison.OrdinalIgnoreCase))
                return $"Only the letter case of the path differs from '{entry.Entry}'; paths are case-sensitive.";
        }
        var samePlace = entries.FirstOrDefault(e => string.Equals(e.Parts.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(e.Parts.Host, url.Host, StringComparison.OrdinalIgnoreCase) && e.Parts.Path == url.Path);
        return samePlace is null ? null : $"Only the port differs from the Allowed Logout URL '{samePlace.Entry}'; ports must match.";
    }
}
