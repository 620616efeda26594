using System.Globalization;

namespace WhatsApp.Seed;

/// <summary>The command line: <c>--database path.db --messages N --contacts N [--senders N] [--days N] [--seed N] [--until ISO-8601] [--overwrite]</c>.</summary>
internal sealed record SeedArguments(string Database, bool Overwrite, SeedOptions Options)
{
    public const string Usage =
        "usage: WhatsApp.Seed --database <path.db> --messages 1000000 --contacts 50000 [--senders 2] [--days 90] [--seed 42] "
        + "[--until 2026-11-27T00:00:00Z] [--batch 50000] [--overwrite]";

    public static SeedArguments Parse(string[] args)
    {
        string? database = null;
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

            if (i + 1 >= args.Length)
            {
                throw new FormatException($"{name} needs a value.");
            }

            var value = args[++i];
            options = name switch
            {
                "--database" => options,
                "--messages" => options with { Messages = Number(name, value) },
                "--contacts" => options with { Contacts = Number(name, value) },
                "--senders" => options with { Senders = Number(name, value) },
                "--days" => options with { Days = Number(name, value) },
                "--seed" => options with { Seed = Number(name, value) },
                "--batch" => options with { BatchSize = Number(name, value) },
                "--until" => options with { Until = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) },
                _ => throw new FormatException($"Unknown option {name}."),
            };
            database = name == "--database" ? value : database;
        }

        return new SeedArguments(database ?? throw new FormatException("--database is required."), overwrite, options);
    }

    private static int Number(string name, string value) =>
        int.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{name} must be a whole number, not '{value}'.");
}
