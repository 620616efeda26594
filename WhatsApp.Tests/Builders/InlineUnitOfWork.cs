using Moq;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Tests.Builders;

/// <summary>
/// A unit of work for unit tests: runs each unit once, at once, against <see cref="Writes"/>, which takes every new
/// message and idempotency key and finds every original's content until a test sets it up otherwise.
/// </summary>
internal sealed class InlineUnitOfWork : IUnitOfWork
{
    public InlineUnitOfWork()
    {
        Writes.Setup(w => w.TryAddMessageAsync(It.IsAny<Message>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        Writes.Setup(w => w.TryAddIdempotencyKeyAsync(It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        Writes.Setup(w => w.HasContentAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
    }

    public Mock<IWriteContext> Writes { get; } = new();

    public Task<T> ExecuteAsync<T>(Func<IWriteContext, CancellationToken, Task<T>> work, CancellationToken ct) => work(Writes.Object, ct);
}
