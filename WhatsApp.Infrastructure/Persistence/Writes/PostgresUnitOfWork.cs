using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// The unit of work on PostgreSQL: an ordinary transaction of its own per caller, many at once (the server orders
/// them with row locks, <c>ON CONFLICT</c> and <c>SKIP LOCKED</c>). A conflict with another transaction (a deadlock,
/// a unique key taken meanwhile, a row created meanwhile) rolls the work back and runs it again, at most three times.
/// Statements are prepared once per pooled connection (Npgsql keeps them across uses).
/// </summary>
internal sealed class PostgresUnitOfWork(IDbContextFactory<WhatsAppDbContext> contexts) : IUnitOfWork, IWriteBacklog
{
    private const int MaxRuns = 3;
    private int _inFlight;

    /// <summary>Units running now.</summary>
    public int Pending => Volatile.Read(ref _inFlight);

    public async Task<T> ExecuteAsync<T>(Func<IWriteContext, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        Interlocked.Increment(ref _inFlight);
        try
        {
            for (var run = 1; ; run++)
            {
                await using var session = await WriteSession.OpenAsync(contexts, ct);
                await session.BeginAsync(ct);
                try
                {
                    var result = await work(new WriteContext(session), ct);
                    await session.CommitAsync(ct);
                    return result;
                }
                catch (Exception ex) when (run < MaxRuns && DatabaseErrors.IsConflictWithAnotherWriter(ex))
                {
                    await session.RollbackAsync();
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

/// <summary>Writes accepted and not yet committed, for the <c>whatsapp.write_queue.depth</c> gauge.</summary>
internal interface IWriteBacklog
{
    int Pending { get; }
}
