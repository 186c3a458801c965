namespace LogoutModule.Core.Auth0;

/// <summary>
/// A URL split into its raw pieces without any normalisation, the way Auth0 compares allow-list entries:
/// System.Uri would reject a '*' host and re-encode paths.
/// </summary>
internal sealed record UrlParts(string Scheme, string UserInfo, string Host, int? Port, string Path, string Query, string Fragment)
{
    // Path is as written (an empty path is "/"); Query and Fragment keep their '?' and '#', or are empty.

    /// <summary>The port, or the scheme's default when none is written.</summary>
    public int? EffectivePort => Port ?? (Scheme.ToLowerInvariant() switch { "http" => 80, "https" => 443, _ => null });

    public static UrlParts? TryParse(string text)
    {
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) return null;
        var scheme = text.Substring(0, schemeEnd);
        var rest = text.Substring(schemeEnd + 3);

        var authorityEnd = rest.IndexOfAny(new[] { '/', '?', '#' });
        var authority = authorityEnd < 0 ? rest : rest.Substring(0, authorityEnd);
        var tail = authorityEnd < 0 ? "" : rest.Substring(authorityEnd);

        var at = authority.LastIndexOf('@');
        var userInfo = at < 0 ? "" : authority.Substring(0, at);
        var hostPort = authority.Substring(at + 1);
        int? port = null;
        var colon = hostPort.LastIndexOf(':');
        if (colon >= 0 && colon > hostPort.LastIndexOf(']'))
        {
            if (!int.TryParse(hostPort.Substring(colon + 1), System.Globalization.NumberStyles.None, null, out var value) || value > 65535) return null;
            port = value;
            hostPort = hostPort.Substring(0, colon);
        }
        if (hostPort.Length == 0) return null;

        var hash = tail.IndexOf('#');
        var fragment = hash < 0 ? "" : tail.Substring(hash);
        var beforeFragment = hash < 0 ? tail : tail.Substring(0, hash);
        var question = beforeFragment.IndexOf('?');
        var query = question < 0 ? "" : beforeFragment.Substring(question);
        var path = question < 0 ? beforeFragment : beforeFragment.Substring(0, question);
        return new UrlParts(scheme, userInfo, hostPort, port, path.Length == 0 ? "/" : path, query, fragment);
    }
}
