namespace LogoutModule.Core.Auth0;

/// <summary>Validation of the URL Auth0 sends the browser back to (returnTo / post_logout_redirect_uri).</summary>
public static class ReturnToUrl
{
    /// <summary>
    /// Accepts an absolute http or https URL with a host and no user info or control characters, and returns it as given:
    /// Auth0 matches the text the caller registered, so it must not be normalised here.
    /// </summary>
    public static string Validate(string value, string parameterName = "ReturnTo")
    {
        string? problem =
            value.Any(char.IsControl) ? "contains control characters (such as CR or LF)"
            : value.Trim().Length != value.Length ? "has leading or trailing whitespace"
            // On Unix, System.Uri reads "/path" as a file: URL; a relative or scheme-relative value is simply not absolute.
            : value.StartsWith("/", StringComparison.Ordinal) || value.StartsWith("\\", StringComparison.Ordinal)
              || !Uri.TryCreate(value, UriKind.Absolute, out var uri) ? (LooksEncoded(value) ? AlreadyEncoded : "is not an absolute URL")
            : uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps ? $"uses the '{uri.Scheme}' scheme; only http and https are allowed"
            : uri.UserInfo.Length > 0 || UrlParts.TryParse(value) is not { UserInfo.Length: 0 }
                ? "contains user info (user@host), which can disguise where the browser goes"
            : uri.Host.Length == 0 ? "has no host"
            : null;
        if (problem is not null) throw Auth0Errors.InvalidReturnTo(value, parameterName, problem);
        return value;
    }

    /// <summary>The parameter that carries the URL for an endpoint, as errors name it: -ReturnTo, or -PostLogoutRedirectUri for /oidc/logout.</summary>
    public static string ParameterName(Auth0LogoutEndpoint endpoint) => endpoint == Auth0LogoutEndpoint.V2 ? "ReturnTo" : "PostLogoutRedirectUri";

    /// <summary>The usual mistake behind a value like https%3A%2F%2F…: encoding it before the builder encodes it again (auth0/docs#2474).</summary>
    internal const string AlreadyEncoded = "looks already percent-encoded; give it unencoded (https://…), the URL builder encodes it once";

    // A value that is no URL as written but decodes to an absolute http(s) URL.
    private static bool LooksEncoded(string value)
    {
        var decoded = Uri.UnescapeDataString(value);
        return decoded != value && Uri.TryCreate(decoded, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }
}
