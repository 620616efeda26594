using System.Text;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional.Webhooks;

namespace WhatsApp.Tests.Functional.Fuzz;

/// <summary>
/// Plivo webhooks: correctly signed ones with extreme field values, and unsigned ones (no, garbage, V2-only,
/// wrong-token, wrong-URL or tampered signatures, an API key instead) that carry a marker so any row they wrote
/// would be found.
/// </summary>
internal static class FuzzWebhooks
{
    public static readonly string Token = FakePlivoServer.DefaultAuthToken;

    private static readonly string[] Fields =
    [
        "MessageUUID", "Status", "Sequence", "ErrorCode", "From", "To", "Type", "ContentType", "Body", "Media0", "Media1",
        "MediaCount", "MimeType", "ButtonPayload", "ButtonText", "ContextMessageUUID", "MessageTime", "QueuedTime", "SentTime",
        "DeliveredTime", "ReadTime", "ConversationID", "ConversationExpirationTimestamp", "Units", "TotalRate", "TotalAmount",
    ];

    private static readonly string[] Extremes =
    [
        "99999999999999999999", "-1", "-9223372036854775808", "9223372036854775807", "1e400", "NaN", "253402300800",
        "-62135596801", "9999-12-31 23:59:59.999999", "0000-00-00 00:00:00", "2026-02-30 25:61:61", "", " ", "queued",
        "sent", "delivered", "read", "failed", "undelivered", "rejected", "text", "image", "video", "audio", "document",
        "sticker", "location", "interactive", "button", "reaction", "unknown", "whatsapp", "sms", "2147483648",
    ];

    public static FuzzRequest Signed(Random rng, int index)
    {
        var form = Form(rng, index, marker: null);
        if (rng.Next(6) == 0 && QueryUrl(form) is { } url)
        {
            var getHeaders = PlivoWebhookSigner.SignatureHeaders(HttpMethod.Get, url, [], Token).ToList();
            return new FuzzRequest(index, "webhook signed GET", "GET", url.AbsoluteUri, getHeaders);
        }

        // Now and then a nonce longer than its column (stored as its hash).
        var nonce = rng.Next(20) == 0 ? FuzzStrings.Ascii(rng, rng.Next(129, 4_000)).Replace(",", "", StringComparison.Ordinal) : null;
        var headers = PlivoWebhookSigner.SignatureHeaders(HttpMethod.Post, WebhookTestHost.WebhookUrl, form, Token, nonce).ToList();
        FuzzHttp.AddStrayHeaders(rng, headers);
        return new FuzzRequest(index, "webhook signed", "POST", WebhookTestHost.WebhookUrl.AbsoluteUri, headers, Encode(form), FormType(rng));
    }

    public static FuzzRequest Unsigned(Random rng, int index, string marker)
    {
        var form = Form(rng, index, marker);
        var url = WebhookTestHost.WebhookUrl;
        var headers = new List<KeyValuePair<string, string>>();
        var variant = rng.Next(10);
        switch (variant)
        {
            case 0:
                break;
            case 1:
                headers.Add(new(PlivoWebhookSigner.V3Header, FuzzStrings.Ascii(rng, rng.Next(0, 300))));
                headers.Add(new(PlivoWebhookSigner.NonceHeader, FuzzStrings.Ascii(rng, rng.Next(0, 40))));
                break;
            case 2:
                headers.AddRange(PlivoWebhookSigner.SignatureHeaders(HttpMethod.Post, url, form, "not-the-token"));
                break;
            case 3:
                headers.AddRange(PlivoWebhookSigner.SignatureHeaders(HttpMethod.Post, new Uri("https://evil.example/api/webhooks/plivo"), form, Token));
                break;
            case 4:
                headers.AddRange(PlivoWebhookSigner.SignatureHeaders(HttpMethod.Post, url, form, Token));
                form[rng.Next(form.Count)] = new("Body", marker + " tampered");
                break;
            case 5:
                headers.Add(new("X-Plivo-Signature-V2", Convert.ToBase64String(Encoding.UTF8.GetBytes(FuzzStrings.Ascii(rng, 32)))));
                headers.Add(new("X-Plivo-Signature-V2-Nonce", "12345678901234567890"));
                break;
            case 6:
                headers.Add(new("X-Api-Key", FuzzHttp.ValidKeys[rng.Next(FuzzHttp.ValidKeys.Length)]));
                break;
            case 7 when QueryUrl(form) is { } query:
                headers.AddRange(PlivoWebhookSigner.SignatureHeaders(HttpMethod.Get, query, [], "not-the-token"));
                return new FuzzRequest(index, "webhook unsigned GET", "GET", query.AbsoluteUri, headers, Unsigned: true);
            default:
                headers.AddRange(PlivoWebhookSigner.SignatureHeaders(HttpMethod.Post, url, form, Token));
                headers.RemoveAll(h => h.Key == PlivoWebhookSigner.NonceHeader);
                break;
        }

        FuzzHttp.AddStrayHeaders(rng, headers);
        var method = rng.Next(15) == 0 ? new[] { "PUT", "DELETE", "PATCH" }[rng.Next(3)] : "POST";
        var (body, type) = rng.Next(8) == 0
            ? (Encoding.UTF8.GetBytes("{\"MessageUUID\":\"" + marker + "\",\"Body\":\"" + marker + "\"}"), FuzzJson.ContentType(rng))
            : (Encode(form), FormType(rng));
        return new FuzzRequest(index, "webhook unsigned " + variant, method, url.AbsoluteUri, headers, body, type, Unsigned: true);
    }

    private static List<KeyValuePair<string, string>> Form(Random rng, int index, string? marker)
    {
        var uuid = marker is null ? new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)rng.Next(256))]).ToString() : marker + "-" + index;
        var form = (rng.Next(2) == 0 ? WebhookTestHost.InboundForm(uuid, body: marker ?? "hello") : WebhookTestHost.StatusForm(uuid, "delivered", 1)).ToList();
        for (var i = rng.Next(0, 5); i > 0; i--)
        {
            var field = Fields[rng.Next(Fields.Length)];
            var value = rng.Next(2) == 0 ? Extremes[rng.Next(Extremes.Length)] : Long(rng);
            form.RemoveAll(f => f.Key == field && rng.Next(3) != 0);
            form.Add(new(field, value));
        }

        if (rng.Next(15) == 0)
        {
            form.AddRange(Enumerable.Range(0, rng.Next(50, 1_500)).Select(i => new KeyValuePair<string, string>("Media" + i, "https://example.com/" + i)));
        }

        if (rng.Next(20) == 0)
        {
            form.RemoveAll(f => f.Key == "MessageUUID");
        }

        if (marker is not null)
        {
            form.Add(new("Marker", marker));
        }

        return [.. form.Select(f => new KeyValuePair<string, string>(FuzzHttp.Wire(f.Key), FuzzHttp.Wire(f.Value)))];
    }

    /// <summary>
    /// Strange text up to 20,000 characters, or characters that JSON escapes six-fold, so that a field within the
    /// 64 KiB body cap is stored as more than 65,536 characters (the former bound of the JSON columns).
    /// </summary>
    private static string Long(Random rng) => rng.Next(6) == 0 ? new string('<', rng.Next(11_000, 20_000)) : FuzzStrings.Next(rng, 20_000);

    /// <summary>The webhook URL with the form as its query, unless that is too long for a URL.</summary>
    private static Uri? QueryUrl(IEnumerable<KeyValuePair<string, string>> form)
    {
        var query = string.Join('&', form.Select(f => FuzzHttp.Escape(f.Key) + "=" + FuzzHttp.Escape(f.Value)));
        return query.Length > 60_000 ? null : new Uri(WebhookTestHost.WebhookUrl + "?" + query);
    }

    private static byte[] Encode(IEnumerable<KeyValuePair<string, string>> form) =>
        Encoding.ASCII.GetBytes(string.Join('&', form.Select(f => FuzzHttp.Escape(f.Key) + "=" + FuzzHttp.Escape(f.Value))));

    private static string FormType(Random rng) => rng.Next(10) switch
    {
        0 => "application/x-www-form-urlencoded; charset=utf-8",
        1 => "application/X-WWW-FORM-URLENCODED",
        2 => FuzzJson.ContentType(rng),
        _ => "application/x-www-form-urlencoded",
    };
}
