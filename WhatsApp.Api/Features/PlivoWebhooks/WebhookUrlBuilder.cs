using Microsoft.AspNetCore.Http.Extensions;

namespace WhatsApp.Api.Features.PlivoWebhooks;

/// <summary>
/// Rebuilds the URL Plivo called (and signed). Behind a proxy or tunnel the request we see has another scheme, host
/// or port, so a configured public base URL wins: its scheme, host, port and path prefix, then the request's
/// PathBase + Path and its raw query string. Without one, the request's own URL is used.
/// </summary>
public static class WebhookUrlBuilder
{
    public static string Build(HttpRequest request, Uri? publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (publicBaseUrl is null)
        {
            return request.GetEncodedUrl();
        }

        if (!publicBaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The public base URL must be absolute.", nameof(publicBaseUrl));
        }

        var prefix = publicBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return prefix + request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
    }
}
