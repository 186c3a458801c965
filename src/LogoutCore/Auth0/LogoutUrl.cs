using System.Text;

namespace LogoutModule.Core.Auth0;

public enum Auth0LogoutEndpoint
{
    /// <summary>GET /v2/logout with returnTo.</summary>
    V2,
    /// <summary>/oidc/logout (OIDC RP-initiated logout) with post_logout_redirect_uri.</summary>
    Oidc,
}

/// <summary>What a logout URL is built from. Validate() checks every value before anything is built.</summary>
public sealed class LogoutUrlRequest
{
    public string? Domain { get; init; }
    /// <summary>For loopback test servers and self-hosted gateways; replaces https://{Domain}/.</summary>
    public Uri? BaseUri { get; init; }
    public Auth0LogoutEndpoint Endpoint { get; init; }
    public string? ClientId { get; init; }
    /// <summary>returnTo on /v2/logout, post_logout_redirect_uri on /oidc/logout.</summary>
    public string? RedirectUri { get; init; }
    public bool Federated { get; init; }
    public string? IdTokenHint { get; init; }
    public string? LogoutHint { get; init; }
    public string? State { get; init; }
    public string? UiLocales { get; init; }

    public LogoutUrlRequest WithRedirectUri(string redirectUri) => new()
    {
        Domain = Domain, BaseUri = BaseUri, Endpoint = Endpoint, ClientId = ClientId, RedirectUri = redirectUri, Federated = Federated,
        IdTokenHint = IdTokenHint, LogoutHint = LogoutHint, State = State, UiLocales = UiLocales,
    };

    internal string RedirectParameterName => Endpoint == Auth0LogoutEndpoint.V2 ? "ReturnTo" : "PostLogoutRedirectUri";
}

/// <summary>
/// A built Auth0 logout URL. Url is what may be shown: the URL with id_token_hint=*** when a hint was given.
/// GetUri() returns the complete URL to open; it is a method, not a property, so Format-List *, ConvertTo-Json and
/// Export-Csv never write the id token out.
/// </summary>
public sealed class Auth0LogoutUrl
{
    private readonly Uri _uri;

    internal Auth0LogoutUrl(Uri uri, string url, Auth0LogoutEndpoint endpoint, string? clientId, string? redirectUri, bool federated)
    {
        _uri = uri;
        Url = url;
        Endpoint = endpoint;
        ClientId = clientId;
        RedirectUri = redirectUri;
        Federated = federated;
    }

    public string Url { get; }
    public Auth0LogoutEndpoint Endpoint { get; }
    public string? ClientId { get; }
    public string? RedirectUri { get; }
    public bool Federated { get; }

    public Uri GetUri() => _uri;

    public override string ToString() => Url;
}

/// <summary>Builds /v2/logout and /oidc/logout URLs with auth0.js's encoding: Uri.EscapeDataString on every value, federated as a bare flag.</summary>
public static class LogoutUrlBuilder
{
    public static Auth0LogoutUrl Build(LogoutUrlRequest request)
    {
        var baseUri = Auth0Address.Resolve(request.Domain, request.BaseUri);
        if (request.RedirectUri is not null) ReturnToUrl.Validate(request.RedirectUri, request.RedirectParameterName);
        if (request.Endpoint == Auth0LogoutEndpoint.V2 && (request.IdTokenHint ?? request.LogoutHint ?? request.State ?? request.UiLocales) is not null)
            throw Auth0Address.Invalid("OidcParameterWithoutOidc", null, "-IdTokenHint, -LogoutHint, -State and -UiLocales apply to /oidc/logout only; add -Oidc.");
        foreach (var (name, value) in new[] { ("ClientId", request.ClientId), ("IdTokenHint", request.IdTokenHint), ("LogoutHint", request.LogoutHint), ("State", request.State), ("UiLocales", request.UiLocales) })
        {
            if (value is not null && (value.Length == 0 || value.Any(char.IsControl)))
                throw Auth0Address.Invalid("InvalidLogoutParameter", name, $"The -{name} value is empty or contains control characters.");
        }

        var parameters = request.Endpoint == Auth0LogoutEndpoint.V2
            ? new List<(string, string?)> { ("client_id", request.ClientId), ("returnTo", request.RedirectUri) }
            : new List<(string, string?)>
            {
                ("client_id", request.ClientId), ("id_token_hint", request.IdTokenHint), ("logout_hint", request.LogoutHint),
                ("post_logout_redirect_uri", request.RedirectUri), ("state", request.State), ("ui_locales", request.UiLocales),
            };
        var path = request.Endpoint == Auth0LogoutEndpoint.V2 ? "v2/logout" : "oidc/logout";
        var full = Compose(baseUri, path, parameters, request.Federated, redact: false);
        var redacted = Compose(baseUri, path, parameters, request.Federated, redact: true);
        return new Auth0LogoutUrl(new Uri(full), redacted, request.Endpoint, request.ClientId, request.RedirectUri, request.Federated);
    }

    private static string Compose(Uri baseUri, string path, IEnumerable<(string Name, string? Value)> parameters, bool federated, bool redact)
    {
        var builder = new StringBuilder(baseUri.AbsoluteUri).Append(path);
        var separator = '?';
        foreach (var (name, value) in parameters.Where(p => p.Value is not null))
        {
            var shown = redact && name == "id_token_hint" ? "***" : Uri.EscapeDataString(value!);
            builder.Append(separator).Append(name).Append('=').Append(shown);
            separator = '&';
        }
        // Presence alone federates (auth0.js#660: even federated=false does), so it is written only when asked for.
        if (federated) builder.Append(separator).Append("federated");
        return builder.ToString();
    }
}
