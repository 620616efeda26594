using System.Data.Common;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>A prepared statement being bound, each parameter typed like a property of <typeparamref name="T"/>.</summary>
internal readonly struct SqlCall<T>(WriteSession session, DbCommand command)
    where T : class
{
    public SqlCall<T> Set(string parameter, string property, object? value)
    {
        session.Bind<T>(command, parameter, property, value);
        return this;
    }

    /// <summary>Runs it with the transaction's next statement (<see cref="WriteSession.DeferAsync"/>).</summary>
    public Task DeferAsync(CancellationToken ct) => session.DeferAsync(command, ct);

    public async Task<int> ExecuteAsync(CancellationToken ct) => await (await session.PreparedAsync(command, ct)).ExecuteNonQueryAsync(ct);

    /// <summary>The ids the statement returns (its first column), for the claims' <c>RETURNING "Id"</c>.</summary>
    public async Task<List<Guid>> ReadIdsAsync(CancellationToken ct)
    {
        var ids = new List<Guid>();
        await using var reader = await ReadAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    public async Task<DbDataReader> ReadAsync(CancellationToken ct) => await (await session.PreparedAsync(command, ct)).ExecuteReaderAsync(ct);
}
