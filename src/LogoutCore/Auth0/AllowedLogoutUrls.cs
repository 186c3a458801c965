using System.Text.RegularExpressions;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>One entry of an application's or tenant's Allowed Logout URLs, parsed by Auth0's documented rules.</summary>
public sealed class AllowedLogoutUrl
{
    private static readonly Regex WildcardLabel = new(@"^[a-z0-9-]*\*[a-z0-9-]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly UrlParts _parts;
    private readonly Regex? _hostPattern;

    private AllowedLogoutUrl(string entry, UrlParts parts, Regex? hostPattern)
    {
        Entry = entry;
        _parts = parts;
        _hostPattern = hostPattern;
    }

    public string Entry { get; }
    public bool HasWildcard => _hostPattern is not null;

    /// <summary>Parses an entry, or returns null with the reason Auth0 would reject it.</summary>
    public static AllowedLogoutUrl? TryParse(string entry, out string? problem)
    {
        problem = null;
        var parts = UrlParts.TryParse(entry);
        if (parts is null)
        {
            problem = "it is not a full URL with a scheme (write http://… or https://…)";
            return null;
        }
        var stars = entry.Count(c => c == '*');
        if (stars == 0) return new AllowedLogoutUrl(entry, parts, null);

        var labels = parts.Host.Split('.');
        problem =
            stars > 1 ? "it has more than one '*'"
            : parts.Scheme.ToLowerInvariant() is not ("http" or "https") ? "wildcards are allowed only in http and https URLs"
            : !WildcardLabel.IsMatch(labels[0]) ? "a '*' may appear only in the left-most label of the host"
            : labels.Length < 3 ? "a wildcard directly under a top-level domain is not allowed"
            : null;
        if (problem is not null) return null;

        var star = labels[0].IndexOf('*');
        var pattern = "^" + Regex.Escape(labels[0].Substring(0, star)) + "[a-z0-9-]+" + Regex.Escape(labels[0].Substring(star + 1))
            + Regex.Escape(parts.Host.Substring(labels[0].Length)) + "$";
        return new AllowedLogoutUrl(entry, parts, new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
    }

    internal bool SchemeHostPortMatch(UrlParts url)
        => string.Equals(_parts.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase)
           && (_hostPattern?.IsMatch(url.Host) ?? string.Equals(_parts.Host, url.Host, StringComparison.OrdinalIgnoreCase))
           && _parts.EffectivePort == url.EffectivePort;

    internal UrlParts Parts => _parts;
}

/// <summary>The verdict of matching a returnTo against an allow-list.</summary>
public sealed record AllowListMatch(bool Accepted, string Reason, string? MatchedEntry, string? Hint);

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
            if (entry is null) warn?.Invoke($"Skipping the Allowed Logout URL '{Auth0Address.Printable(text)}': {problem}.");
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
        return CompletionText.Complete(usable, wordToComplete)
            .Select(match => new NameCompletion(match.Text, match.Name, $"{match.Name} (an Allowed Logout URL)"))
            .ToList();
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
