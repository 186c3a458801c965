using System.Text;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>Builds /v2/logout and /oidc/logout URLs with auth0.js's encoding: Uri.EscapeDataString on every value, federated as a bare flag.</summary>
public static class LogoutUrlBuilder
{
    /// <summary>
    /// The URL of <paramref name="request"/>. Throws LogoutException (InvalidArgument): DomainRequired, InvalidAuth0Domain,
    /// InvalidBaseUri, InvalidReturnTo, OidcParameterWithoutOidc, InvalidLogoutParameter (naming the parameter, not its value).
    /// </summary>
    public static Auth0LogoutUrl Build(GetAuth0LogoutUrlRequest request)
    {
        var baseUri = Auth0Address.Resolve(request.Domain, request.BaseUri);
        if (request.ReturnTo is not null) ReturnToUrl.Validate(request.ReturnTo, ReturnToUrl.ParameterName(request.Endpoint));
        var idTokenHint = request.IdTokenHint is null ? null : SecretText.Reveal(request.IdTokenHint);
        if (request.Endpoint == Auth0LogoutEndpoint.V2 && (idTokenHint ?? request.LogoutHint ?? request.State ?? request.UiLocales) is not null)
            throw Auth0Errors.OidcParameterWithoutOidc();
        foreach (var (name, value) in new[] { ("ClientId", request.ClientId), ("IdTokenHint", idTokenHint), ("LogoutHint", request.LogoutHint), ("State", request.State), ("UiLocales", request.UiLocales) })
        {
            if (value is not null && (value.Length == 0 || value.Any(char.IsControl)))
                throw Auth0Errors.InvalidLogoutParameter(name);
        }

        var parameters = request.Endpoint == Auth0LogoutEndpoint.V2
            ? new List<(string, string?)> { ("client_id", request.ClientId), ("returnTo", request.ReturnTo) }
            : new List<(string, string?)>
            {
                ("client_id", request.ClientId), ("id_token_hint", idTokenHint), ("logout_hint", request.LogoutHint),
                ("post_logout_redirect_uri", request.ReturnTo), ("state", request.State), ("ui_locales", request.UiLocales),
            };
        var path = request.Endpoint == Auth0LogoutEndpoint.V2 ? "v2/logout" : "oidc/logout";
        var full = Compose(baseUri, path, parameters, request.Federated, redact: false);
        var redacted = Compose(baseUri, path, parameters, request.Federated, redact: true);
        return new Auth0LogoutUrl(new Uri(full), redacted, request.Endpoint, request.ClientId, request.ReturnTo, request.Federated);
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
