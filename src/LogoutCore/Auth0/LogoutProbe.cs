using LogoutModule.Core.Shared;
using LogoutModule.Core.Shared.Http;

namespace LogoutModule.Core.Auth0;

/// <summary>The outcome of asking the real server: a 302 back to returnTo means Auth0 accepted it.</summary>
public static class LogoutProbe
{
    private const string NotAllowedText = "is not defined as a valid URL";

    /// <summary>A cookie-less GET that does not follow redirects, so it ends nobody's session and shows Auth0's own verdict.</summary>
    public static Auth0LogoutUrlTest Probe(Auth0LogoutUrl url, string returnTo, TimeSpan timeout, CancellationToken cancellation)
    {
        HttpResult result;
        try
        {
            result = HttpSender.Send(new HttpRequest("GET", url.GetUri()) { Timeout = timeout }, cancellation);
        }
        catch (HttpSendException e)
        {
            throw Auth0Errors.Auth0Unreachable(HttpSender.Describe(url.GetUri()), e.Message, e);
        }

        var status = result.StatusCode;
        if (status == 302 && result.Location is { } location && SameUrl(location, returnTo))
            return Auth0LogoutUrlTest.Probed(url, returnTo, true, $"Auth0 redirected back to '{returnTo}' (302).", status, location);

        string reason;
        if (result.Location is { } elsewhere)
        {
            var description = ErrorDescription(elsewhere);
            reason = $"Auth0 answered {status} with a redirect to '{PrintableText.Of(elsewhere)}' instead of the returnTo"
                     + (description is null ? "." : $": {description}");
        }
        else
        {
            var text = ServerErrorText.From(result.Body);
            reason = result.Body.Contains(NotAllowedText)
                ? $"Auth0 rejected the returnTo ({status}): {text}"
                : $"Auth0 answered {status} instead of a 302 to the returnTo" + (text.Length == 0 ? "." : $": {text}");
        }
        return Auth0LogoutUrlTest.Probed(url, returnTo, false, reason, status, result.Location);
    }

    private static bool SameUrl(string location, string returnTo)
        => location == returnTo
           || Uri.TryCreate(location, UriKind.Absolute, out var a) && Uri.TryCreate(returnTo, UriKind.Absolute, out var b)
              && a.AbsoluteUri == b.AbsoluteUri;

    /// <summary>Custom tenant error pages receive error_description in their query.</summary>
    private static string? ErrorDescription(string location)
    {
        var query = UrlParts.TryParse(location)?.Query.TrimStart('?') ?? "";
        foreach (var pair in query.Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0 && pair.Substring(0, equals) == "error_description")
                return PrintableText.Of(Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' ')));
        }
        return null;
    }
}
