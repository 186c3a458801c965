using System.Text.RegularExpressions;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>
/// Where the Auth0 endpoints live. -Domain is a bare host name and nothing else (a scheme, path, port or user info
/// there is a mistake worth stopping on); -BaseUri is the separate, explicit way to point at a loopback test server
/// or a self-hosted https gateway.
/// </summary>
public static class Auth0Address
{
    private static readonly Regex HostName = new(
        @"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The https base address of the tenant, from exactly one of a domain or a base URI.</summary>
    public static Uri Resolve(string? domain, Uri? baseUri)
    {
        if (baseUri is not null) return ValidateBaseUri(baseUri);
        if (domain is null) throw Auth0Errors.DomainRequired();
        return new Uri("https://" + ValidateDomain(domain) + "/");
    }

    /// <summary>Checks a bare host name such as acme.eu.auth0.com and returns it lower-cased.</summary>
    public static string ValidateDomain(string domain)
    {
        string? problem =
            domain.Length == 0 ? "is empty"
            : domain.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? "contains whitespace or control characters"
            : domain.Contains("://") ? "contains a scheme"
            : domain.Contains('@') ? "contains user info"
            : domain.IndexOfAny(new[] { '/', '\\', '?', '#' }) >= 0 ? "contains a path, query or fragment"
            : domain.Contains(':') ? "contains a port"
            : !HostName.IsMatch(domain) ? "is not a valid host name"
            : null;
        if (problem is not null) throw Auth0Errors.InvalidAuth0Domain(domain, problem);
        return domain.ToLowerInvariant();
    }

    /// <summary>https anywhere, or plain http on a loopback address only; no user info, query or fragment.</summary>
    public static Uri ValidateBaseUri(Uri baseUri)
    {
        var text = baseUri.OriginalString;
        string? problem =
            !baseUri.IsAbsoluteUri ? "is not an absolute URI"
            : baseUri.Scheme != Uri.UriSchemeHttps && !(baseUri.Scheme == Uri.UriSchemeHttp && IsLoopback(baseUri)) ? "must be https, or http on 127.0.0.1, localhost or [::1]"
            : baseUri.UserInfo.Length > 0 ? "must not contain user info"
            : baseUri.Query.Length > 0 || baseUri.Fragment.Length > 0 ? "must not contain a query or fragment"
            : null;
        if (problem is not null) throw Auth0Errors.InvalidBaseUri(text, problem);
        return new Uri(baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }

    public static bool IsLoopback(Uri uri) => uri.IsLoopback && (uri.Host is "127.0.0.1" or "localhost" or "[::1]");
}
