using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// The <see cref="RowInsert"/> of each entity type and conflict clause, built once from the model of the database the
/// write queue writes to, for any thread.
/// </summary>
internal sealed class RowInserts(IDbContextFactory<WhatsAppDbContext> contexts)
{
    private readonly ConcurrentDictionary<(Type Type, string? OnConflict), RowInsert> _inserts = new();

    public RowInsert For(Type type, string? onConflict) =>
        _inserts.TryGetValue((type, onConflict), out var insert) ? insert : Build(type, onConflict);

    private RowInsert Build(Type type, string? onConflict)
    {
        // The model and the mappings outlive the context; it is only the way to them.
        using var db = contexts.CreateDbContext();
        return _inserts.GetOrAdd((type, onConflict), RowInsert.For(db, type, onConflict));
    }
}
