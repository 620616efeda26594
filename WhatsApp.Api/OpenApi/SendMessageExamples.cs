using System.Text.Json.Nodes;

namespace WhatsApp.Api.OpenApi;

/// <summary>One request body per message type, shown in the API reference.</summary>
internal static class SendMessageExamples
{
    public static readonly IReadOnlyDictionary<string, string> Bodies = new Dictionary<string, string>
    {
        ["text"] = """{ "to": "+14155552671", "type": "text", "message": "Your order has shipped.", "metadata": { "order_id": "A-1042" } }""",
        ["media"] = """{ "to": "+14155552671", "type": "media", "media_urls": ["https://example.com/invoice.pdf"], "message": "Your invoice" }""",
        ["template"] = """
            { "to": "+14155552671", "type": "template", "template": { "name": "order_update", "language": "en_US",
              "components": [ { "type": "body", "parameters": [ { "type": "text", "text": "A-1042" } ] },
                              { "type": "button", "sub_type": "quick_reply", "index": "0", "parameters": [ { "type": "payload", "payload": "track" } ] } ] } }
            """,
        ["interactive_button"] = """
            { "to": "+14155552671", "type": "interactive", "interactive": { "type": "button", "body": { "text": "Confirm your slot?" },
              "action": { "buttons": [ { "id": "yes", "title": "Yes" }, { "id": "no", "title": "No" } ] } } }
            """,
        ["interactive_list"] = """
            { "to": "+14155552671", "type": "interactive", "interactive": { "type": "list", "header": { "type": "text", "text": "Menu" },
              "body": { "text": "Pick a topic" }, "action": { "buttons": [ { "title": "Topics" } ],
              "sections": [ { "title": "Orders", "rows": [ { "id": "track", "title": "Track order", "description": "Where is my parcel?" } ] } ] } } }
            """,
        ["interactive_cta_url"] = """
            { "to": "+14155552671", "type": "interactive", "interactive": { "type": "cta_url", "body": { "text": "See your receipt" },
              "action": { "buttons": [ { "title": "Open", "cta_url": "https://example.com/receipt/42" } ] } } }
            """,
        ["location"] = """{ "to": "+14155552671", "type": "location", "location": { "latitude": 37.483307, "longitude": -122.148981, "name": "HQ", "address": "1 Hacker Way" } }""",
    };

    public static JsonNode Parse(string body) => JsonNode.Parse(body)!;
}
