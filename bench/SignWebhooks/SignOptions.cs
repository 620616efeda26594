using System.Globalization;

namespace WhatsApp.Bench.SignWebhooks;

/// <summary>
/// Command line: <c>--out FILE --count N --url PUBLIC_WEBHOOK_URL --token AUTH_TOKEN [--contacts 5000] [--to 14155550100]</c>.
/// </summary>
internal sealed record SignOptions(string OutputPath, int Count, string Url, string AuthToken, int Contacts, string To)
{
    public static SignOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        string Required(string name) =>
            values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"Missing {name}.", nameof(args));

        return new SignOptions(
            Required("--out"),
            int.Parse(Required("--count"), CultureInfo.InvariantCulture),
            Required("--url"),
            Required("--token"),
            int.Parse(values.GetValueOrDefault("--contacts", "5000"), CultureInfo.InvariantCulture),
            values.GetValueOrDefault("--to", "14155550100"));
    }
}
