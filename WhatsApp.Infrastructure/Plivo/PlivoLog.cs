using System.Net;
using Microsoft.Extensions.Logging;

namespace WhatsApp.Infrastructure.Plivo;

/// <summary>Log events of the Plivo adapter. Never log message bodies or the auth token here.</summary>
internal static partial class PlivoLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Plivo accepted message {MessageId} as {ProviderMessageId}")]
    public static partial void Accepted(ILogger logger, Guid messageId, string providerMessageId);

    [LoggerMessage(
        EventId = 4101,
        Level = LogLevel.Warning,
        Message = "Plivo answered {StatusCode} for message {MessageId}: {Outcome} {ErrorCode} {PlivoError}")]
    public static partial void Failed(
        ILogger logger, HttpStatusCode statusCode, Guid messageId, string outcome, string? errorCode, string? plivoError);

    [LoggerMessage(
        EventId = 4102,
        Level = LogLevel.Warning,
        Message = "Sending message {MessageId} to Plivo failed with {ExceptionType}: {Outcome} ({Reason})")]
    public static partial void RequestFailed(ILogger logger, Guid messageId, string exceptionType, string outcome, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Message {MessageId} was not sent to Plivo: {Reason}")]
    public static partial void NotSendable(ILogger logger, Guid messageId, string reason);
}
