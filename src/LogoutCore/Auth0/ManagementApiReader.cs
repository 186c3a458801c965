using System.Security;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;
using LogoutModule.Core.Shared.Http;

namespace LogoutModule.Core.Auth0;

/// <summary>Reads allowed_logout_urls through the Management API: the application's list with a client id, the tenant's otherwise.</summary>
public static class ManagementApiReader
{
    public static IReadOnlyList<string> ReadAllowedLogoutUrls(Uri baseUri, string? clientId, SecureString managementToken, TimeSpan timeout,
        CancellationToken cancellation)
    {
        var token = SecretText.Reveal(managementToken);
        var (path, scope, what) = clientId is null
            ? ("api/v2/tenants/settings", "read:tenant_settings", "the tenant settings")
            : ($"api/v2/clients/{Uri.EscapeDataString(clientId)}", "read:clients", $"the application '{clientId}'");
        var uri = new Uri(baseUri, path + "?fields=allowed_logout_urls&include_fields=true");

        HttpResult result;
        try
        {
            result = HttpSender.Send(new HttpRequest("GET", uri) { BearerToken = token, Timeout = timeout }, cancellation);
        }
        catch (HttpSendException e)
        {
            throw new LogoutException("ManagementApiUnreachable", ErrorKind.ConnectionError, uri.GetLeftPart(UriPartial.Path), SecretText.Scrub(e.Message, token), e);
        }

        if (result.StatusCode is >= 200 and < 300) return Parse(result.Body, what);

        var serverText = ServerErrorText.From(result.Body, token);
        throw result.StatusCode switch
        {
            401 => new LogoutException("ManagementApiUnauthorized", ErrorKind.AuthenticationError, what,
                $"The Management API rejected the token while reading {what} (401: {serverText}). Get a fresh Management API token."),
            403 => new LogoutException("ManagementApiForbidden", ErrorKind.PermissionDenied, what,
                $"The Management API token may not read {what} (403: {serverText}); it needs the {scope} scope."),
            404 => new LogoutException("Auth0ApplicationNotFound", ErrorKind.ObjectNotFound, clientId,
                (clientId is null ? "The Management API did not find the tenant settings" : $"The Management API has no application with client id '{clientId}'")
                + $" (404: {serverText})."),
            _ => new LogoutException("ManagementApiFailed", ErrorKind.InvalidResult, what,
                $"Reading {what} from the Management API failed ({result.StatusCode}: {serverText})."),
        };
    }

    private static IReadOnlyList<string> Parse(string body, string what)
    {
        try
        {
            var urls = JsJson.Parse(body)?["allowed_logout_urls"];
            if (urls is null) return Array.Empty<string>();
            return urls.AsArray().Select(JsJson.AsString).Where(u => u is not null).Select(u => u!).ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new LogoutException("ManagementApiBadResponse", ErrorKind.InvalidData, what,
                $"The Management API answer for {what} is not the expected JSON with allowed_logout_urls.", e);
        }
    }
}
