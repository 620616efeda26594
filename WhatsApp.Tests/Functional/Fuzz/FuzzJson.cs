using System.Text;
using System.Text.Json.Nodes;

namespace WhatsApp.Tests.Functional.Fuzz;

/// <summary>
/// Mutates valid request bodies: values of the wrong type, nulls, missing and unknown fields, deep nesting, huge
/// strings, then byte-level damage (invalid UTF-8, duplicate keys, truncation) or no JSON at all.
/// </summary>
internal static class FuzzJson
{
    public static readonly string[] SendTemplates =
    [
        """{"to":"+14155552671","type":"text","message":"Your order has shipped."}""",
        """{"to":"+14155552671","type":"media","media_urls":["https://example.com/invoice.pdf"],"message":"Your invoice"}""",
        """{"to":"+14155552671","type":"template","template":{"name":"order_update","language":"en_US","components":[{"type":"header","parameters":[{"type":"media","media":"https://example.com/p.jpg"}]},{"type":"body","parameters":[{"type":"text","text":"A-1042"},{"type":"currency","currency":{"fallback_value":"$12.99","currency_code":"USD","amount_1000":12990}},{"type":"date_time","date_time":{"fallback_value":"today"}}]},{"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"track"}]}]}}""",
        """{"to":"+14155552671","type":"interactive","interactive":{"type":"button","header":{"type":"text","text":"Delivery"},"body":{"text":"Is 3 pm okay?"},"footer":{"text":"Tap"},"action":{"buttons":[{"id":"yes","title":"Yes"},{"id":"later","title":"Later"}]}}}""",
        """{"to":"+14155552671","type":"interactive","interactive":{"type":"list","body":{"text":"What do you need?"},"action":{"buttons":[{"title":"Topics"}],"sections":[{"title":"Orders","rows":[{"id":"track","title":"Track","description":"Where?"}]}]}}}""",
        """{"to":"+14155552671","type":"interactive","interactive":{"type":"cta_url","header":{"type":"media","media":"https://example.com/r.png"},"body":{"text":"Receipt"},"action":{"buttons":[{"title":"Open","cta_url":"https://example.com/r/42"}]}}}""",
        """{"to":"+14155552671","from":"+14155550101","type":"location","location":{"latitude":37.483307,"longitude":"-122.148981","name":"HQ","address":"1 Hacker Way"}}""",
    ];

    public const string InboundTemplate = """{"from":"+14155552671","message":"Hi, where is my order?"}""";

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json", "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16",
        "application/json; charset=bogus", "text/json", "application/problem+json", "text/plain", "application/xml",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/*", "*/*", "garbage///", ";;;", "",
    ];

    private static readonly string[] NotJson =
    [
        "", "null", "[]", "42", "\"text\"", "<xml/>", "to=%2B1&message=hi", "{", "}", "{\"to\":", "NaN", "\uFEFF{}",
        """{"to":"+14155552671","message":"\ud800 \u0000 \udfff"}""", """{"to":"+14155552671","message":"hi","message":"again"}""",
        """{"to":"+14155552671","type":"location","location":{"latitude":1e400,"longitude":-1e400}}""",
        """{"to":"+14155552671","type":"text","message":"hi",}""", """{'to':'+14155552671'}""", """{"to":"+14155552671"/*c*/}""",
    ];

    /// <summary>Mostly JSON, so most requests get past content negotiation and reach binding and validation.</summary>
    public static string ContentType(Random rng) => rng.Next(3) == 0 ? ContentTypes[rng.Next(ContentTypes.Length)] : "application/json";

    /// <summary>A mutated copy of <paramref name="template"/>, or occasionally something that is not JSON at all.</summary>
    public static byte[] Mutate(Random rng, string template)
    {
        if (rng.Next(20) == 0)
        {
            return Encoding.UTF8.GetBytes(NotJson[rng.Next(NotJson.Length)]);
        }

        var root = JsonNode.Parse(template)!;
        for (var i = rng.Next(1, 4); i > 0; i--)
        {
            root = MutateTree(rng, root);
        }

        var text = root.ToJsonString();
        return rng.Next(6) switch
        {
            0 => DamageBytes(rng, Encoding.UTF8.GetBytes(text)),
            1 => Encoding.UTF8.GetBytes(DuplicateKey(rng, text)),
            2 => Encoding.UTF8.GetBytes(Nest(rng, text)),
            _ => Encoding.UTF8.GetBytes(text),
        };
    }

    public static JsonNode? Value(Random rng, int depth = 0) => rng.Next(depth > 3 ? 8 : 11) switch
    {
        0 => null,
        1 => JsonValue.Create(rng.Next(2) == 0),
        2 => JsonValue.Create(rng.Next(3) switch { 0 => long.MaxValue, 1 => -1, _ => 0 }),
        3 => JsonValue.Create(rng.Next(2) == 0 ? double.MaxValue : double.Epsilon),
        4 or 5 or 6 => JsonValue.Create(FuzzStrings.Next(rng, 5_000)),
        7 => JsonValue.Create(new string('x', rng.Next(4_000, 70_000))),
        8 => new JsonArray([.. Enumerable.Range(0, rng.Next(0, 4)).Select(_ => Value(rng, depth + 1))]),
        _ => new JsonObject(Enumerable.Range(0, rng.Next(0, 4)).Select(i => KeyValuePair.Create(FuzzStrings.Unicode(rng, 5) + i, Value(rng, depth + 1)))),
    };

    private static JsonNode MutateTree(Random rng, JsonNode root)
    {
        var slots = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(root, slots);
        if (slots.Count == 0 || rng.Next(25) == 0)
        {
            return Value(rng) ?? JsonValue.Create(0);
        }

        var (parent, key, index) = slots[rng.Next(slots.Count)];
        switch (rng.Next(5), parent)
        {
            case (0, JsonObject o):
                o.Remove(key!);
                break;
            case (1, JsonObject o):
                o[rng.Next(2) == 0 ? FuzzStrings.Next(rng, 100) : key + "_extra"] = Value(rng);
                break;
            case (_, JsonObject o):
                o[key!] = Value(rng);
                break;
            case (_, JsonArray a):
                a[index] = Value(rng);
                break;
        }

        return root;
    }

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> slots)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o.ToList())
            {
                slots.Add((o, key, -1));
                if (child is not null)
                {
                    Collect(child, slots);
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                slots.Add((a, null, i));
                if (a[i] is { } child)
                {
                    Collect(child, slots);
                }
            }
        }
    }

    /// <summary>Invalid UTF-8 (lone continuation bytes, overlong forms, surrogates), a truncation or a stray byte.</summary>
    private static byte[] DamageBytes(Random rng, byte[] body)
    {
        byte[][] invalid = [[0xFF], [0xFE, 0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0x00]];
        var at = rng.Next(body.Length + 1);
        return rng.Next(4) switch
        {
            0 => body[..at],
            1 => [.. body[..at], (byte)rng.Next(256), .. body[at..]],
            _ => [.. body[..at], .. invalid[rng.Next(invalid.Length)], .. body[at..]],
        };
    }

    private static string DuplicateKey(Random rng, string json) =>
        json.StartsWith('{') ? "{\"to\":" + (rng.Next(2) == 0 ? "\"+14155550000\"" : "null") + "," + json[1..] : json;

    private static string Nest(Random rng, string json)
    {
        var depth = rng.Next(2) == 0 ? rng.Next(60, 70) : rng.Next(1_000, 20_000);
        var (open, close) = rng.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        return json.StartsWith('{') && rng.Next(2) == 0
            ? "{\"message\":" + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + "," + json[1..]
            : string.Concat(Enumerable.Repeat(open, depth)) + json + string.Concat(Enumerable.Repeat(close, depth));
    }
}
