using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// The unit of work on PostgreSQL: several group commits at once, each a <see cref="WriteQueue"/> with a connection
/// and a transaction of its own, units handed to them in turn. The server keeps them apart as it keeps any concurrent
/// transactions apart (row locks, <c>ON CONFLICT</c>, <c>SKIP LOCKED</c>); a unit that meets another writer's key or
/// deadlocks with it runs again. Each batch commits once, so a commit's wait for the disk is shared by its units.
/// </summary>
internal sealed class PostgresUnitOfWork : IUnitOfWork, IWriteBacklog, IHostedService, IDisposable
{
    private readonly WriteQueue[] _writers;
    private int _next;

    public PostgresUnitOfWork(IDbContextFactory<WhatsAppDbContext> contexts, ILogger<WriteQueue> logger, int writers = DefaultWriters)
    {
        _writers = Enumerable.Range(0, writers).Select(_ => new WriteQueue(contexts, logger)).ToArray();
    }

    public const int DefaultWriters = 4;

    public int Pending => _writers.Sum(w => w.Pending);

    public Task<T> ExecuteAsync<T>(Func<IWriteContext, CancellationToken, Task<T>> work, CancellationToken ct) =>
        _writers[(int)((uint)Interlocked.Increment(ref _next) % (uint)_writers.Length)].ExecuteAsync(work, ct);

    public Task StartAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_writers.Select(w => w.StartAsync(cancellationToken)));

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_writers.Select(w => w.StopAsync(cancellationToken)));

    public void Dispose()
    {
        foreach (var writer in _writers)
        {
            writer.Dispose();
        }
    }
}

/// <summary>Writes accepted and not yet committed, for the <c>whatsapp.write_queue.depth</c> gauge.</summary>
internal interface IWriteBacklog
{
    int Pending { get; }
}
