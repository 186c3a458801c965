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
