using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Services;

namespace WhatsApp.Tests.Builders;

/// <summary>Stores messages as the send and resend use cases do, for tests that need them in the database.</summary>
internal static class StoreMessages
{
    public static Task<bool> StoreSendAsync(this IUnitOfWork unitOfWork, Message message, IdempotencyRecord? record = null) =>
        unitOfWork.ExecuteAsync((writes, ct) => NewMessages.StoreSendAsync(writes, message, record, ct), CancellationToken.None);

    public static Task<bool> StoreResendAsync(this IUnitOfWork unitOfWork, Message resend) =>
        unitOfWork.ExecuteAsync((writes, ct) => NewMessages.StoreResendAsync(writes, resend, ct), CancellationToken.None);
}
