using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional.Webhooks;

namespace WhatsApp.Tests.Functional.Events;

/// <summary>The app (Plivo webhooks, dispatch off) with events on a compressed retry schedule, and helpers to register endpoints.</summary>
internal static class EventTestHost
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Events:AllowHttp"] = "true",
        ["Events:AllowPrivateNetworks"] = "true",
        ["Events:PollInterval"] = "00:00:00.020",
        ["Events:Timeout"] = "00:00:02",
        ["Events:RetrySchedule:0"] = "00:00:00.200",
        ["Events:RetrySchedule:1"] = "00:00:00.200",
        ["Events:RetrySchedule:2"] = "00:00:00.200",
    };

    public static WebhookTestHost Start(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return new WebhookTestHost(settings: settings);
    }

    /// <summary>Registers <paramref name="receiver"/>; returns the endpoint's id and secret.</summary>
    public static async Task<(Guid Id, string Secret)> RegisterAsync(HttpClient admin, EventReceiver receiver, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["url"] = receiver.Url.ToString() };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }

        var response = await admin.PostAsJsonAsync("/api/webhook-endpoints", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    public static HttpClient Admin(WebhookTestHost host)
    {
        var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", TestApiKeys.Admin);
        return client;
    }

    /// <summary>Checks a Standard Webhooks signature independently of the gateway's signer: one of the header's v1 entries must match.</summary>
    public static bool Verifies(ReceivedEvent received, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{received.Id}.{received.Timestamp}.{received.Body}")));
        return received.Signature.Split(' ').Contains(expected);
    }

    /// <summary>Polls the endpoint's deliveries (of <paramref name="status"/>, or any) until one matches; fails after 20 s.</summary>
    public static async Task<JsonElement> WaitForDeliveryAsync(HttpClient admin, Guid endpointId, string? status, Func<JsonElement, bool>? match = null)
    {
        var query = status is null ? string.Empty : $"?status={status}";
        for (var i = 0; i < 400; i++)
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/webhook-endpoints/{endpointId}/deliveries{query}");
            if (page.GetProperty("items").EnumerateArray().FirstOrDefault(d => match?.Invoke(d) ?? true) is { ValueKind: JsonValueKind.Object } delivery)
            {
                return delivery;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"No {status ?? "matching"} delivery");
        throw new InvalidOperationException();
    }

    public static JsonElement Data(ReceivedEvent received) => JsonDocument.Parse(received.Body).RootElement.GetProperty("data");
}
