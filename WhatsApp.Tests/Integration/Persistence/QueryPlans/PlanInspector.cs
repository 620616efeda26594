using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WhatsApp.Infrastructure.History;
using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Integration.Persistence.QueryPlans;

/// <summary>Runs a case through the real history reader, then asks the database how it plans each command it sent.</summary>
internal static class PlanInspector
{
    /// <summary>Each violation with the plan and SQL it came from; empty when every command keeps to the rules.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(TestDatabase database, PlanCase query)
    {
        var recorder = new CommandRecorder(database);
        await query.Run(new HistoryReader(recorder));
        if (recorder.Commands.Count == 0)
        {
            return ["ran no SQL: nothing to check"];
        }

        var violations = new List<string>();
        foreach (var command in recorder.Commands)
        {
            var (plan, found) = TestPostgres.Enabled
                ? await PostgresAsync(database, command, query.Walk)
                : await SqliteAsync(database, command, query.Walk);
            violations.AddRange(found.Select(v => $"{v}\n  plan:\n{plan}\n  sql:\n{command.Text}"));
        }

        return violations;
    }

    private static async Task<(string Plan, IReadOnlyList<string> Violations)> SqliteAsync(TestDatabase database, RecordedCommand command, string? walk)
    {
        await using var db = database.CreateDbContext();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Text;
        foreach (var parameter in command.Parameters)
        {
            explain.Parameters.AddWithValue(parameter.ParameterName, parameter.Value ?? DBNull.Value);
        }

        var plan = new List<string>();
        await using var rows = await explain.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            plan.Add(rows.GetString(3));
        }

        return (string.Join('\n', plan), SqlitePlanRules.Violations(plan, walk));
    }

    // Sequential scans and sorts priced out, so a plan reads a whole table or sorts only where no index can serve: on a
    // few hundred rows a sort is cheap and the planner would pick one that a million rows make slow.
    private static async Task<(string Plan, IReadOnlyList<string> Violations)> PostgresAsync(TestDatabase database, RecordedCommand command, string? walk)
    {
        await using var db = database.CreateDbContext();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var off = new NpgsqlCommand("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off", connection, transaction))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + command.Text, connection, transaction);
        foreach (var parameter in command.Parameters)
        {
            explain.Parameters.Add(((NpgsqlParameter)parameter).Clone());
        }

        using var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
        return (plan.RootElement.ToString(), PostgresPlanRules.Violations(plan.RootElement, walk));
    }
}
