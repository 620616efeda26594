using System.Globalization;

namespace WhatsApp.Seed;

/// <summary>
/// The command line: <c>--database path.db | --postgres "Host=…;Database=…"</c>, then <c>[--messages N] [--contacts N]
/// [--senders N] [--days N] [--seed N] [--until ISO-8601] [--batch N] [--overwrite]</c>.
/// </summary>
internal sealed record SeedArguments(string? Database, string? Postgres, bool Overwrite, SeedOptions Options)
{
    public const string Usage =
        "usage: WhatsApp.Seed --database <path.db> | --postgres <connection string> [--messages 1000000] [--contacts 50000] [--senders 2] [--days 90] [--seed 42] "
        + "[--until 2026-11-27T00:00:00Z] [--batch 50000] [--overwrite]";

    public static SeedArguments Parse(string[] args)
    {
        string? database = null;
        string? postgres = null;
        var overwrite = false;
        var options = new SeedOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--overwrite")
            {
                overwrite = true;
                continue;
            }

            var value = i + 1 < args.Length ? args[++i] : throw new FormatException($"{name} needs a value.");
            switch (name)
            {
                case "--database": database = value; break;
                case "--postgres": postgres = value; break;
                case "--messages": options = options with { Messages = Number(name, value) }; break;
                case "--contacts": options = options with { Contacts = Number(name, value) }; break;
                case "--senders": options = options with { Senders = Number(name, value) }; break;
                case "--days": options = options with { Days = Number(name, value) }; break;
                case "--seed": options = options with { Seed = Number(name, value) }; break;
                case "--batch": options = options with { BatchSize = Number(name, value) }; break;
                case "--until": options = options with { Until = Time(name, value) }; break;
                default: throw new FormatException($"Unknown option {name}.");
            }
        }

        if ((database is null) == (postgres is null))
        {
            throw new FormatException("Either --database or --postgres is required, not both.");
        }

        return new SeedArguments(database, postgres, overwrite, options);
    }

    private static int Number(string name, string value) =>
        int.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{name} must be a whole number, not '{value}'.");

    private static DateTimeOffset Time(string name, string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new FormatException($"{name} must be a date and time such as 2026-11-27T00:00:00Z, not '{value}'.");
}
