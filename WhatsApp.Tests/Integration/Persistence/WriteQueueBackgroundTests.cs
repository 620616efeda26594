using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Persistence.Writes;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// Background writes (the events' fan-out, claims and outcomes) yield to callers' writes: a caller waits on its batch's
/// commit, so a batch runs the callers' writes first (how much of the writer background ones get:
/// <c>BackgroundBudgetTests</c>). The test queues its writes before the loop starts, so the first batch finds all of
/// them waiting.
/// </summary>
[TestFixture]
public sealed class WriteQueueBackgroundTests : DatabaseFixture
{
    private readonly ConcurrentQueue<string> _ran = new();
    private WriteQueue _queue = null!;

    [SetUp]
    public void CreateQueue() => _queue = new WriteQueue(Database, NullLogger<WriteQueue>.Instance);

    [TearDown]
    public async Task StopQueue()
    {
        await _queue.StopAsync(CancellationToken.None);
        _queue.Dispose();
    }

    [Test]
    public async Task Background_QueuedBeforeCallersWrites_RunsAfterThem()
    {
        var writes = new List<Task<string>>
        {
            Record("b1", TimeSpan.Zero, background: true),
            Record("b2", TimeSpan.Zero, background: true),
            Record("c1", TimeSpan.Zero, background: false),
            Record("c2", TimeSpan.Zero, background: false),
        };

        await _queue.StartAsync(CancellationToken.None);
        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(_ran, Is.EqualTo(new[] { "c1", "c2", "b1", "b2" }));
    }

    // The write takes `cost` on the writer's thread (as a costly write would), then records its name.
    private Task<string> Record(string name, TimeSpan cost, bool background)
    {
        Task<string> Work(IWriteContext writes, CancellationToken ct)
        {
            Thread.Sleep(cost);
            _ran.Enqueue(name);
            return Task.FromResult(name);
        }

        return background
            ? _queue.ExecuteInBackgroundAsync(Work, CancellationToken.None)
            : _queue.ExecuteAsync(Work, CancellationToken.None);
    }
}
