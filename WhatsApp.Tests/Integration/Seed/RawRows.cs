using System.Data.Common;

namespace WhatsApp.Tests.Integration.Seed;

/// <summary>Tables read and compared below EF Core: what the seeders wrote, value for value.</summary>
internal static class RawRows
{
    /// <summary>Every row of a table as raw column values (as the provider returns them), in primary-key order.</summary>
    public static async Task<(string[] Columns, List<object?[]> Rows)> ReadAsync(DbConnection connection, string table, string key)
    {
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"{key}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return (Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray(), rows);
    }

    /// <summary>The same number of rows (at least one), each equal column for column.</summary>
    public static void AssertEqual(string table, string[] columns, List<object?[]> expected, List<object?[]> actual)
    {
        Assert.That(actual, Has.Count.EqualTo(expected.Count).And.Count.GreaterThan(0), table);
        Assert.Multiple(() =>
        {
            for (var row = 0; row < expected.Count; row++)
            {
                for (var column = 0; column < columns.Length; column++)
                {
                    Assert.That(actual[row][column], Is.EqualTo(expected[row][column]), $"{table}.{columns[column]} of {expected[row][0]}");
                }
            }
        });
    }
}
