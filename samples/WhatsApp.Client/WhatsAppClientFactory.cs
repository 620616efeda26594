using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace WhatsApp.Client;

/// <summary>Creates the generated <see cref="WhatsAppApiClient"/> for one gateway and one API key.</summary>
public static class WhatsAppClientFactory
{
    /// <summary>
    /// A client that calls the gateway at <paramref name="httpClient"/>'s base address and sends
    /// <paramref name="apiKey"/> as <c>X-Api-Key</c> on every request.
    /// </summary>
    public static WhatsAppApiClient Create(HttpClient httpClient, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        var baseAddress = httpClient.BaseAddress ?? throw new ArgumentException("The HttpClient needs a BaseAddress.", nameof(httpClient));
        var adapter = new HttpClientRequestAdapter(new ApiKeyHeader(apiKey), httpClient: httpClient)
        {
            BaseUrl = baseAddress.ToString().TrimEnd('/'),
        };
        return new WhatsAppApiClient(adapter);
    }

    // Kiota's own ApiKeyAuthenticationProvider refuses http, and a gateway on a private network is often reached by it.
    private sealed class ApiKeyHeader(string apiKey) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(
            RequestInformation request,
            Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(request);
            request.Headers.TryAdd("X-Api-Key", apiKey);
            return Task.CompletedTask;
        }
    }
}
