using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>
/// Every error the Auth0 cmdlets report, in one place: id, category (ErrorKind), target object and message. The ids
/// are stable (scripts match on them). No message carries a token or secret: server text arrives already scrubbed.
/// </summary>
internal static class Auth0Errors
{
    public static LogoutException DomainRequired()
        => Invalid("DomainRequired", null, "Give the Auth0 domain (for example acme.eu.auth0.com) with -Domain.");

    /// <param name="problem">What is wrong, as a predicate ("contains a port").</param>
    public static LogoutException InvalidAuth0Domain(string domain, string problem)
        => Invalid("InvalidAuth0Domain", domain,
            $"The Auth0 domain '{PrintableText.Of(domain)}' {problem}. Give only the host name, for example acme.eu.auth0.com (use -BaseUri to target a local test server).");

    public static LogoutException InvalidBaseUri(string baseUri, string problem)
        => Invalid("InvalidBaseUri", baseUri, $"The base URI '{PrintableText.Of(baseUri)}' {problem}.");

    /// <summary>The target is the value as printed (control characters escaped).</summary>
    public static LogoutException InvalidReturnTo(string value, string parameterName, string problem)
        => Invalid("InvalidReturnTo", PrintableText.Of(value), $"The -{parameterName} value '{PrintableText.Of(value)}' {problem}.");

    public static LogoutException ReturnToRequired() => Invalid("ReturnToRequired", null, "Give the URL to check with -ReturnTo.");

    public static LogoutException AllowListRequired() => Invalid("AllowListRequired", null, "Give -AllowedLogoutUrl, -ManagementToken or -Probe.");

    public static LogoutException OidcParameterWithoutOidc()
        => Invalid("OidcParameterWithoutOidc", null, "-IdTokenHint, -LogoutHint, -State and -UiLocales apply to /oidc/logout only; add -Oidc.");

    /// <summary>The target is the parameter's name (its value may be an id_token_hint).</summary>
    public static LogoutException InvalidLogoutParameter(string parameterName)
        => Invalid("InvalidLogoutParameter", parameterName, $"The -{parameterName} value is empty or contains control characters.");

    public static LogoutException EmptyRefreshToken(string clientId) => Invalid("EmptyRefreshToken", clientId, "The refresh token is empty.");

    public static LogoutException WaitWithNoBrowser()
        => Invalid("WaitWithNoBrowser", null, "-Wait watches for the browser opened by this command; it cannot be combined with -NoBrowser.");

    public static LogoutException WaitNeedsLoopbackReturnTo(string returnTo)
        => Invalid("WaitNeedsLoopbackReturnTo", returnTo,
            $"-Wait listens locally, so -ReturnTo must be an http URL on 127.0.0.1, localhost or [::1] (got '{returnTo}').");

    public static LogoutException ReturnListenerUnavailable(string returnTo, string authority, Exception e)
        => new("ReturnListenerUnavailable", ErrorKind.ResourceUnavailable, returnTo, $"Cannot listen on {authority} for the browser's return: {e.Message}", e);

    public static LogoutError LogoutReturnTimeout(string returnTo, TimeSpan timeout)
        => new("LogoutReturnTimeout", ErrorKind.OperationTimeout, returnTo,
            $"The browser did not come back to {returnTo} within {timeout.TotalSeconds:0} seconds. "
            + "Check that this URL is in the Allowed Logout URLs (Test-Auth0LogoutUrl) and that the browser finished signing out.");

    public static LogoutException BrowserLaunchFailed(Exception e)
        => new("BrowserLaunchFailed", ErrorKind.ResourceUnavailable, null,
            $"Could not open the default browser ({e.Message}). Use -NoBrowser and open the URL yourself.", e);

    /// <param name="target">The address tried, without query (a logout URL's query can hold an id_token_hint).</param>
    /// <param name="scrubbedMessage">The failure's message with every secret already removed.</param>
    public static LogoutException Auth0Unreachable(string target, string scrubbedMessage, Exception e)
        => new("Auth0Unreachable", ErrorKind.ConnectionError, target, scrubbedMessage, e);

    /// <summary>POST /oauth/revoke answered <paramref name="statusCode"/> (not 2xx); <paramref name="serverText"/> is scrubbed.</summary>
    public static LogoutException RevokeRefused(int statusCode, string clientId, string serverText) => statusCode switch
    {
        400 => new("RevokeInvalidRequest", ErrorKind.InvalidArgument, clientId,
            $"Auth0 refused the revocation request for client '{clientId}' (400: {serverText})."),
        401 => new("RevokeInvalidClient", ErrorKind.AuthenticationError, clientId,
            $"Auth0 did not accept the credentials of client '{clientId}' (401: {serverText}). A confidential application needs -ClientSecret or -Credential."),
        403 => new("RevokeForbidden", ErrorKind.PermissionDenied, clientId,
            $"Auth0 does not allow client '{clientId}' to revoke this token (403: {serverText})."),
        429 => new("RevokeRateLimited", ErrorKind.ResourceBusy, clientId,
            $"Auth0 rate-limited the revocation (429: {serverText}); try again later."),
        _ => new("RevokeFailed", ErrorKind.InvalidResult, clientId,
            $"Auth0 answered {statusCode} to the revocation for client '{clientId}': {serverText}"),
    };

    public static LogoutException ManagementApiUnreachable(string endpoint, string scrubbedMessage, Exception e)
        => new("ManagementApiUnreachable", ErrorKind.ConnectionError, endpoint, scrubbedMessage, e);

    /// <summary>
    /// The Management API answered <paramref name="statusCode"/> (not 2xx) while reading <paramref name="what"/>
    /// ("the tenant settings", "the application 'X'"), which needs <paramref name="scope"/>; the server text is scrubbed.
    /// </summary>
    public static LogoutException ManagementApiRefused(int statusCode, string what, string? clientId, string scope, string serverText) => statusCode switch
    {
        401 => new("ManagementApiUnauthorized", ErrorKind.AuthenticationError, what,
            $"The Management API rejected the token while reading {what} (401: {serverText}). Get a fresh Management API token."),
        403 => new("ManagementApiForbidden", ErrorKind.PermissionDenied, what,
            $"The Management API token may not read {what} (403: {serverText}); it needs the {scope} scope."),
        404 => new("Auth0ApplicationNotFound", ErrorKind.ObjectNotFound, clientId,
            (clientId is null ? "The Management API did not find the tenant settings" : $"The Management API has no application with client id '{clientId}'")
            + $" (404: {serverText})."),
        _ => new("ManagementApiFailed", ErrorKind.InvalidResult, what,
            $"Reading {what} from the Management API failed ({statusCode}: {serverText})."),
    };

    public static LogoutException ManagementApiBadResponse(string what, Exception e)
        => new("ManagementApiBadResponse", ErrorKind.InvalidData, what,
            $"The Management API answer for {what} is not the expected JSON with allowed_logout_urls.", e);

    private static LogoutException Invalid(string errorId, object? target, string message) => new(errorId, ErrorKind.InvalidArgument, target, message);
}
