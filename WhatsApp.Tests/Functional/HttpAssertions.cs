using System.Net;
using System.Text.Json;

namespace WhatsApp.Tests.Functional;

internal static class HttpAssertions
{
    /// <summary>Asserts an RFC 9457 problem response with the given status and returns its JSON.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.That(json.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        return json;
    }

    /// <summary>The <c>errors</c> keys of a validation problem.</summary>
    public static IReadOnlyList<string> ErrorKeys(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls <paramref name="location"/> until the message has <paramref name="status"/>; fails after <paramref name="deadline"/>.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, Uri location, string status, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        JsonElement message;
        do
        {
            message = await ReadJsonAsync(await client.GetAsync(location));
            if (message.GetProperty("status").GetString() == status)
            {
                return message;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < until);

        Assert.Fail($"Message never reached '{status}'; last seen: {message}");
        return message;
    }
}
