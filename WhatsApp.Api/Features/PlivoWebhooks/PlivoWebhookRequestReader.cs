using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace WhatsApp.Api.Features.PlivoWebhooks;

/// <summary>
/// Reads the decoded parameters of a webhook: the form of a POST (url-encoded only, size-capped), the query of a GET.
/// On failure returns no parameters and the status and reason of the problem to answer with.
/// </summary>
internal static class PlivoWebhookRequestReader
{
    private const string FormUrlEncoded = "application/x-www-form-urlencoded";

    public static async Task<(IReadOnlyList<KeyValuePair<string, string>>? Parameters, int Status, string Problem)> ReadAsync(
        HttpRequest request, long maxBodyBytes, CancellationToken ct)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return (Pairs(request.Query), StatusCodes.Status200OK, string.Empty);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return (null, StatusCodes.Status405MethodNotAllowed, "Plivo webhooks are GET or POST requests.");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(FormUrlEncoded, StringComparison.OrdinalIgnoreCase))
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, $"A Plivo webhook POST must be {FormUrlEncoded}.");
        }

        var tooLarge = (default(IReadOnlyList<KeyValuePair<string, string>>), StatusCodes.Status413PayloadTooLarge,
            $"The request body must not exceed {maxBodyBytes} bytes.");
        if (request.ContentLength > maxBodyBytes)
        {
            return tooLarge;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBodyBytes;
        }

        try
        {
            return (Pairs(await request.ReadFormAsync(ct)), StatusCodes.Status200OK, string.Empty);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }
        catch (InvalidDataException)
        {
            return (null, StatusCodes.Status400BadRequest, "The form body could not be read.");
        }
    }

    private static List<KeyValuePair<string, string>> Pairs(IEnumerable<KeyValuePair<string, StringValues>> values) =>
        [.. values.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty)))];
}
