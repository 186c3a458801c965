using System.Text.Json;
using System.Text.RegularExpressions;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>The human-readable part of an Auth0 error answer: "error: error_description" from JSON, else the page's text.</summary>
internal static class ServerErrorText
{
    private const int MaxLength = 400;

    public static string From(string body, params string?[] secrets)
    {
        string text;
        try
        {
            var node = JsJson.Parse(body);
            var error = JsJson.AsString(node?["error"]);
            var description = JsJson.AsString(node?["error_description"]) ?? JsJson.AsString(node?["message"]);
            text = error is null ? description ?? body : description is null ? error : $"{error}: {description}";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            text = Regex.Replace(Regex.Replace(body, "<[^>]*>", " "), @"\s+", " ").Trim();
            text = System.Net.WebUtility.HtmlDecode(text);
        }
        text = PrintableText.Of(SecretText.Scrub(text, secrets));
        return text.Length > MaxLength ? text.Substring(0, MaxLength) + "…" : text;
    }
}
