using System.Globalization;
using Microsoft.Data.Sqlite;

namespace WhatsApp.Seed;

/// <summary>
/// <c>dotnet run -c Release --project bench/WhatsApp.Seed -- --database history.db --messages 1000000 --contacts 50000</c>.
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

        var path = Path.GetFullPath(arguments.Database);
        if (arguments.Overwrite)
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        SeedReport report;
        try
        {
            report = await new HistorySeeder().SeedAsync(connectionString, arguments.Options, cancel.Token);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message + Environment.NewLine + SeedArguments.Usage);
            return 2;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message + " --overwrite starts from an empty file.");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled; the database is incomplete (seed again with --overwrite).");
            return 130;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {path}: {report.Messages} messages, {report.Contacts} contacts, {report.StatusEvents} status events"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows {report.Messages}  seconds {report.Elapsed.TotalSeconds:F2}  rows/second {report.MessagesPerSecond:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  migrations {report.MigrateElapsed.TotalSeconds:F2} s, inserts {report.InsertElapsed.TotalSeconds:F2} s "
            + $"({report.InsertMessagesPerSecond:F0} rows/s), index build {report.IndexElapsed.TotalSeconds:F2} s, "
            + $"ANALYZE {report.AnalyzeElapsed.TotalSeconds:F2} s"));
        return 0;
    }
}
