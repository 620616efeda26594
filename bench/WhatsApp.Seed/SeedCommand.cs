using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using WhatsApp.Seed.Postgres;

namespace WhatsApp.Seed;

/// <summary>
/// <c>dotnet run -c Release --project bench/WhatsApp.Seed -- --database history.db --messages 1000000 --contacts 50000</c>,
/// or <c>--postgres "Host=…;Database=…"</c> instead of <c>--database</c> for the same rows in PostgreSQL.
/// A named entry point rather than top-level statements: the tests reference both this and the API, each with a Program.
/// </summary>
internal static class SeedCommand
{
    public static async Task<int> Main(string[] args)
    {
        SeedArguments arguments;
        try
        {
            arguments = SeedArguments.Parse(args);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message + Environment.NewLine + SeedArguments.Usage);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var (target, seed) = arguments.Postgres is { } postgres
            ? await PostgresTargetAsync(postgres, arguments, cancel.Token)
            : SqliteTarget(arguments);
        SeedReport report;
        try
        {
            report = await seed(arguments.Options, cancel.Token);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message + Environment.NewLine + SeedArguments.Usage);
            return 2;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message + " --overwrite starts from an empty database.");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled; the database is incomplete (seed again with --overwrite).");
            return 130;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {target}: {report.Messages} messages, {report.Contacts} contacts, {report.StatusEvents} status events"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows {report.Messages}  seconds {report.Elapsed.TotalSeconds:F2}  rows/second {report.MessagesPerSecond:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  migrations {report.MigrateElapsed.TotalSeconds:F2} s, inserts {report.InsertElapsed.TotalSeconds:F2} s "
            + $"({report.InsertMessagesPerSecond:F0} rows/s), index build {report.IndexElapsed.TotalSeconds:F2} s, "
            + $"ANALYZE {report.AnalyzeElapsed.TotalSeconds:F2} s"));
        return 0;
    }

    private static (string Target, Func<SeedOptions, CancellationToken, Task<SeedReport>> Seed) SqliteTarget(SeedArguments arguments)
    {
        var path = Path.GetFullPath(arguments.Database!);
        if (arguments.Overwrite)
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        return (path, (options, ct) => new HistorySeeder().SeedAsync(connectionString, options, ct));
    }

    private static async Task<(string Target, Func<SeedOptions, CancellationToken, Task<SeedReport>> Seed)> PostgresTargetAsync(
        string connectionString, SeedArguments arguments, CancellationToken ct)
    {
        if (arguments.Overwrite)
        {
            await PostgresHistorySeeder.DropAsync(connectionString, ct);
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return ($"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}",
            (options, token) => new PostgresHistorySeeder().SeedAsync(connectionString, options, token));
    }
}
