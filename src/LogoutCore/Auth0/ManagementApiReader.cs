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
            throw Auth0Errors.ManagementApiUnreachable(uri.GetLeftPart(UriPartial.Path), SecretText.Scrub(e.Message, token), e);
        }

        if (result.StatusCode is >= 200 and < 300) return Parse(result.Body, what);

        throw Auth0Errors.ManagementApiRefused(result.StatusCode, what, clientId, scope, ServerErrorText.From(result.Body, token));
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
            throw Auth0Errors.ManagementApiBadResponse(what, e);
        }
    }
}
