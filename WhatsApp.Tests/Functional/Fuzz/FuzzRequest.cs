using System.Net;
using System.Text;

namespace WhatsApp.Tests.Functional.Fuzz;

/// <summary>One generated request, kept as data so a failure can be printed and replayed from its seed and index.</summary>
internal sealed record FuzzRequest(
    int Index,
    string Endpoint,
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body = null,
    string? ContentType = null,
    bool UnknownLength = false,
    bool Unsigned = false)
{
    private static readonly HashSet<string> ContentHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Encoding", "Content-Language", "Content-Location", "Content-MD5", "Content-Range", "Content-Disposition",
    };

    public HttpRequestMessage ToMessage()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Url, UriKind.RelativeOrAbsolute));
        if (Body is not null)
        {
            request.Content = UnknownLength ? new UnknownLengthContent(Body) : new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            if (ContentHeaders.Contains(name))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    /// <summary>What to print when this request fails: enough to see the input without pasting megabytes.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append('#').Append(Index).Append(' ').Append(Endpoint).Append(": ").Append(Method).Append(' ').Append(Cut(Url, 400));
        foreach (var (name, value) in Headers)
        {
            text.Append("\n  ").Append(name).Append(": ").Append(Cut(value, 200));
        }

        if (Body is not null)
        {
            text.Append("\n  Content-Type: ").Append(ContentType ?? "(none)")
                .Append(UnknownLength ? " (no Content-Length)" : string.Empty)
                .Append("\n  body (").Append(Body.Length).Append(" bytes): ").Append(Cut(Encoding.UTF8.GetString(Body), 600));
        }

        return text.ToString();
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max] + $"…(+{value.Length - max} chars)";

    /// <summary>A body sent without Content-Length, as a chunked upload would be.</summary>
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
