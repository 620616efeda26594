using System.Text;

namespace WhatsApp.Tests.Functional.Fuzz;

/// <summary>
/// Request number <c>index</c> of a run depends only on the seed and the index, so any failure can be regenerated.
/// In the anonymous phase no request carries a valid key or signature.
/// </summary>
internal sealed class FuzzRequestGenerator(int seed, string unsignedMarker)
{
    private const string Contact = "%2B14155552671";

    private static readonly string[] SearchNames =
        ["contact", "from", "direction", "type", "status", "error_code", "template_name", "created_from", "created_to", "q", "limit", "cursor"];

    private static readonly string[] ConversationNames = ["window", "has_failed", "q", "limit", "cursor"];
    private static readonly string[] TimelineNames = ["before", "after", "limit"];
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO"];

    private static readonly string[] Paths =
    [
        "/", "/api", "/api/", "//api//messages", "/API/MESSAGES", "/api/messages;jsessionid=1", "/api/messages/%2e%2e/%2e%2e/health/live",
        "/api/admin", "/api/admin/webhooks", "/api/admin/simulator", "/api/webhooks", "/api/webhooks/plivo/extra", "/health",
        "/openapi/v1.json", "/scalar/v1", "/.env", "/.git/config", "/api/messages/export.csv", "/%2500", "/api/%ff%fe",
    ];

    public FuzzRequest Next(int index, bool anonymousOnly)
    {
        var rng = new Random(unchecked((seed * 1_000_003) ^ index));
        var headers = new List<KeyValuePair<string, string>>();
        var roll = rng.Next(100);
        if (roll < 16)
        {
            return anonymousOnly ? FuzzWebhooks.Unsigned(rng, index, unsignedMarker) : roll < 9 ? FuzzWebhooks.Signed(rng, index) : FuzzWebhooks.Unsigned(rng, index, unsignedMarker);
        }

        FuzzHttp.AddCredentials(rng, headers, anonymousOnly);
        FuzzHttp.AddStrayHeaders(rng, headers);
        return roll switch
        {
            < 40 => Json(rng, index, headers, "send", "/api/messages", FuzzJson.SendTemplates[rng.Next(FuzzJson.SendTemplates.Length)]),
            < 45 => Json(rng, index, headers, "simulator inbound", "/api/admin/simulator/inbound", FuzzJson.InboundTemplate),
            < 51 => Get(index, headers, "get message", "/api/messages/" + FuzzHttp.Segment(rng, RandomGuid(rng))),
            < 59 => Get(index, headers, "search", "/api/messages" + FuzzHttp.Query(rng, SearchNames, ValidValue)),
            < 63 => Get(index, headers, "export", "/api/messages/export" + FuzzHttp.Query(rng, SearchNames, ValidValue)),
            < 68 => Get(index, headers, "conversations", "/api/conversations" + FuzzHttp.Query(rng, ConversationNames, ValidValue)),
            < 74 => Get(index, headers, "timeline", $"/api/conversations/{FuzzHttp.Segment(rng, Contact)}/messages" + FuzzHttp.Query(rng, TimelineNames, ValidValue)),
            < 79 => Get(index, headers, "window", $"/api/contacts/{FuzzHttp.Segment(rng, Contact)}/window"),
            < 82 => new FuzzRequest(index, "erase contact", "DELETE", "/api/contacts/" + FuzzHttp.Segment(rng, "%2B1415555" + rng.Next(1000, 9999)), headers),
            < 85 => Get(index, headers, "unprocessed", "/api/admin/webhooks/unprocessed" + FuzzHttp.Query(rng, ["limit"], ValidValue)),
            < 88 => new FuzzRequest(index, "replay", "POST", $"/api/admin/webhooks/{FuzzHttp.Segment(rng, RandomGuid(rng))}/replay", headers),
            < 91 => Health(rng, index, headers),
            _ => Anything(rng, index, headers),
        };
    }

    private static FuzzRequest Get(int index, List<KeyValuePair<string, string>> headers, string endpoint, string url) =>
        new(index, endpoint, "GET", url, headers);

    private static FuzzRequest Json(Random rng, int index, List<KeyValuePair<string, string>> headers, string endpoint, string url, string template)
    {
        var body = rng.Next(40) == 0 ? Encoding.UTF8.GetBytes("{\"to\":\"+14155552671\",\"message\":\"" + new string('x', 1024 * 1024) + "\"}") : FuzzJson.Mutate(rng, template);
        return new FuzzRequest(index, endpoint, "POST", url, headers, body, FuzzJson.ContentType(rng), UnknownLength: rng.Next(8) == 0);
    }

    private static FuzzRequest Health(Random rng, int index, List<KeyValuePair<string, string>> headers)
    {
        var path = rng.Next(2) == 0 ? "/health/live" : "/health/ready";
        var body = rng.Next(5) == 0 ? Encoding.UTF8.GetBytes(new string('h', rng.Next(1, 200_000))) : null;
        return new FuzzRequest(index, "health", body is null ? "GET" : "POST", path + FuzzHttp.Query(rng, ["x"], ValidValue), headers, body, "text/plain");
    }

    private static FuzzRequest Anything(Random rng, int index, List<KeyValuePair<string, string>> headers)
    {
        var path = rng.Next(2) == 0 ? Paths[rng.Next(Paths.Length)] : "/api/" + string.Join('/', Enumerable.Range(0, rng.Next(1, 6)).Select(_ => FuzzHttp.Segment(rng, "messages")));
        var body = rng.Next(3) == 0 ? FuzzJson.Mutate(rng, FuzzJson.SendTemplates[0]) : null;
        return new FuzzRequest(index, "any route", Methods[rng.Next(Methods.Length)], path, headers, body, body is null ? null : FuzzJson.ContentType(rng));
    }

    private static string RandomGuid(Random rng) => new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)rng.Next(256))]).ToString();

    private static string ValidValue(Random rng, string name) => name switch
    {
        "limit" => new[] { "1", "50", "200", "201", "0", "-1", "2147483648", "1.5", "" }[rng.Next(9)],
        "status" => new[] { "sent", "failed,undelivered", "queued,,", "SENT", "sent,bogus" }[rng.Next(5)],
        "direction" => new[] { "inbound", "outbound", "both" }[rng.Next(3)],
        "type" => new[] { "text", "media", "template", "interactive", "location", "unknown" }[rng.Next(6)],
        "created_from" or "created_to" => new[] { "2026-11-01", "2026-11-01T10:00:00Z", "2026-11-01T10:00:00+14:00", "0001-01-01", "9999-12-31T23:59:59.9999999Z" }[rng.Next(5)],
        "window" => new[] { "open", "closed", "OPEN", "ajar" }[rng.Next(4)],
        "has_failed" => new[] { "true", "false", "1", "yes" }[rng.Next(4)],
        "contact" or "from" or "q" => new[] { "+14155552671", "+1", "%", "_", "+", "order" }[rng.Next(6)],
        "cursor" or "before" or "after" => new[] { "AAAAAAAAAAAAAAAAAAAAAA", "eyJpZCI6MX0", "////", Convert.ToBase64String(Encoding.UTF8.GetBytes(RandomGuid(rng))), "" }[rng.Next(5)],
        _ => "1",
    };
}
