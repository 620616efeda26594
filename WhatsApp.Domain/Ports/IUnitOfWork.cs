namespace WhatsApp.Domain.Ports;

/// <summary>
/// The one way to write: <c>work</c> runs in one transaction and its result is returned only after the commit.
/// <para>
/// The contract. The work may run more than once, each time in a fresh transaction (callers' work is committed
/// together and a caller's runs again when a batch-mate failed, or after a conflict with another transaction). So it reads what it needs through the context, creates the objects it writes, and changes
/// nothing outside: no captured state, no I/O, no metrics; act on its returned value instead. A "no" (a duplicate, a
/// replayed nonce, a lost lease) is a returned value. An exception rolls back this work alone and reaches the caller.
/// </para>
/// </summary>
public interface IUnitOfWork
{
    Task<T> ExecuteAsync<T>(Func<IWriteContext, CancellationToken, Task<T>> work, CancellationToken ct);

    /// <summary>
    /// The same contract, for work no request waits on (the fan-out and delivery of events): with one writer, it
    /// yields to callers' writes, so it may wait under load; elsewhere it is <see cref="ExecuteAsync{T}"/>.
    /// </summary>
    Task<T> ExecuteInBackgroundAsync<T>(Func<IWriteContext, CancellationToken, Task<T>> work, CancellationToken ct) =>
        ExecuteAsync(work, ct);
}
