using System.Text;

namespace WhatsApp.Tests.Functional.Fuzz;

/// <summary>The HTTP-level parts of a hostile request: credentials, stray headers, path segments and query strings.</summary>
internal static class FuzzHttp
{
    public static readonly string[] ValidKeys = [TestApiKeys.Sender, TestApiKeys.OtherSender, TestApiKeys.Agent, TestApiKeys.Admin];

    private static readonly string[] Accepts = ["*/*", "text/csv", "application/xml", "application/json", "text/html;q=abc", "garbage", ""];

    private static readonly string[] RawSegments =
    [
        "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%2e%2e%2f%2e%2e%2fhealth%2flive", "..;", "%252e%252e%252f", "%2500", "%ZZ",
        "%C0%AE%C0%AE%2F", "%E2%80%AE", "%F0%9F%98%80", "a%2Fb", "%2B14155552671", "+14155552671", "14155552671", "%2B",
        "%27%20OR%201%3D1--", "1;DROP%20TABLE%20Messages", "%3Cscript%3E", "00000000-0000-0000-0000-000000000000", "%20",
    ];

    /// <summary>Credentials: in the anonymous phase never a valid key, otherwise mostly one of the configured keys.</summary>
    public static void AddCredentials(Random rng, List<KeyValuePair<string, string>> headers, bool anonymousOnly)
    {
        if (!anonymousOnly && rng.Next(4) != 0)
        {
            var key = ValidKeys[rng.Next(ValidKeys.Length)];
            headers.Add(rng.Next(2) == 0 ? new("X-Api-Key", key) : new("Authorization", "Bearer " + key));
            return;
        }

        var near = ValidKeys[rng.Next(ValidKeys.Length)];
        switch (rng.Next(8))
        {
            case 0:
                break;
            case 1:
                headers.Add(new("X-Api-Key", FuzzStrings.Ascii(rng, rng.Next(1, 4_000))));
                break;
            case 2:
                headers.Add(new("Authorization", "Bearer " + FuzzStrings.Ascii(rng, rng.Next(0, 200))));
                break;
            case 3:
                headers.Add(new("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(near + ":x"))));
                break;
            case 4:
                headers.Add(new("X-Api-Key", near[..^1]));
                break;
            case 5:
                headers.Add(new("X-Api-Key", near.ToUpperInvariant()));
                break;
            case 6:
                headers.Add(new("Authorization", "Bearer"));
                break;
            default:
                headers.Add(new("X-Api-Key", "x" + near));
                break;
        }
    }

    /// <summary>Zero to three headers the service does not expect, some conflicting with what it does.</summary>
    public static void AddStrayHeaders(Random rng, List<KeyValuePair<string, string>> headers)
    {
        for (var i = rng.Next(0, 4); i > 0; i--)
        {
            headers.Add(rng.Next(14) switch
            {
                0 => new("Accept", Accepts[rng.Next(Accepts.Length)]),
                1 => new("Accept-Encoding", "gzip, br, deflate"),
                2 => new("Content-Encoding", "gzip"),
                3 => new("Idempotency-Key", FuzzStrings.Ascii(rng, rng.Next(1, 400))),
                4 => new("X-Forwarded-For", "127.0.0.1, ' OR 1=1 --"),
                5 => new("X-Forwarded-Host", "evil.example"),
                6 => new("X-Forwarded-Proto", "gopher"),
                7 => new("X-HTTP-Method-Override", "DELETE"),
                8 => new("Cookie", FuzzStrings.Ascii(rng, rng.Next(1, 2_000)).Replace(';', '=')),
                9 => new("Range", "bytes=0-1,-5"),
                10 => new("Accept-Language", "xx-XX;q=abc, *;q=-1"),
                11 => new("X-Plivo-Signature-V3", FuzzStrings.Ascii(rng, 44)),
                12 => new("Origin", "null"),
                _ => new("X-Fuzz-" + i, FuzzStrings.Ascii(rng, rng.Next(1, 8_000))),
            });
        }
    }

    /// <summary>A route parameter: sometimes a valid value, sometimes traversal, SQL or Unicode, escaped or not.</summary>
    public static string Segment(Random rng, string valid) => rng.Next(4) switch
    {
        0 => valid,
        1 => RawSegments[rng.Next(RawSegments.Length)],
        // NUL never reaches a path: Kestrel answers 400 itself, and the in-process test server throws instead.
        _ => Escape(FuzzStrings.Next(rng, 10_000).Replace("\0", string.Empty, StringComparison.Ordinal)),
    };

    /// <summary>A query string from the endpoint's parameter names and some foreign ones, at most ~50,000 characters.</summary>
    public static string Query(Random rng, string[] names, Func<Random, string, string> validValue)
    {
        var parts = new List<string>();
        var count = rng.Next(10) == 0 ? rng.Next(100, 1_000) : rng.Next(0, 8);
        var length = 0;
        for (var i = 0; i < count && length < 50_000; i++)
        {
            var name = rng.Next(5) == 0 ? FuzzStrings.Next(rng, 200) : names[rng.Next(names.Length)];
            var value = rng.Next(3) == 0 ? validValue(rng, name) : FuzzStrings.Next(rng, 50_000 - length);
            var part = Escape(name) + (rng.Next(20) == 0 ? string.Empty : "=" + Escape(value));
            if (length + part.Length > 50_000)
            {
                break;
            }

            parts.Add(part);
            length += part.Length + 1;
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    /// <summary>Percent-encodes like a browser would; lone surrogates become U+FFFD first, as they would on the wire.</summary>
    public static string Escape(string value) => Uri.EscapeDataString(Wire(value));

    /// <summary>What a string becomes once encoded as UTF-8 and decoded again (lone surrogates turn into U+FFFD).</summary>
    public static string Wire(string value) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));
}
