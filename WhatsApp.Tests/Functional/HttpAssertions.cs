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
}
