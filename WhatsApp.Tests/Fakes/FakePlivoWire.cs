using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace WhatsApp.Tests.Fakes;

/// <summary>Plivo's wire details as the fake server needs them: Basic auth check and response bodies.</summary>
internal static class FakePlivoWire
{
    public static bool IsAuthorized(HttpContext context, string authId, string authToken, string pathAuthId)
    {
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }

        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            return credentials == $"{authId}:{authToken}" && pathAuthId == authId;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string QueuedBody(string messageUuid) =>
        JsonSerializer.Serialize(new { api_id = Guid.NewGuid(), message = "message(s) queued", message_uuid = new[] { messageUuid } });

    public static string ErrorBody(string error) => JsonSerializer.Serialize(new { api_id = Guid.NewGuid(), error });

    public static JsonNode? TryParse(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
