using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Simulator;
using WhatsApp.Tests.Builders;

namespace WhatsApp.Tests.Functional.History;

/// <summary>
/// Generated history written through the app's own write paths (the send use case's store for outbound messages, the webhook
/// inbox for inbound ones), so conversation summaries are what production would hold.
/// </summary>
internal sealed class HistoryData(IServiceProvider services)
{
    public const string Alice = "+447700900001";
    public const string Boris = "+79990000002";
    public const string Chen = "+8613800000003";
    public const string OurNumber = TestApiKeys.DefaultSender;
    public const string SecondNumber = TestApiKeys.SecondSender;

    /// <summary>
    /// More pages than any walk here needs: a cursor that never runs out fails the walk instead of hanging the run.
    /// </summary>
    public const int MaxPages = 200;

    public static readonly DateTimeOffset Start = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);

    public List<Guid> Ids { get; } = [];

    public async Task<Guid> OutboundAsync(
        string to, DateTimeOffset at, string? body = "Hello", MessageStatus status = MessageStatus.Sent, string from = OurNumber,
        MessageType type = MessageType.Text, string? template = null, string? errorCode = null)
    {
        var content = type == MessageType.Template
            ? new MessageContent(Template: new TemplateContent(template ?? "order_update", "en", null))
            : MessageContent.ForText(body ?? string.Empty);
        var message = Message.CreateOutbound(Guid.CreateVersion7(at), from, to, type, content, "sender-a", at);
        message.MarkSending(at);
        switch (status)
        {
            case MessageStatus.Failed:
                message.MarkFailed(errorCode ?? "plivo_400", "rejected", at);
                break;
            case MessageStatus.Queued:
                message.ScheduleRetry("plivo_503", "busy", at.AddMinutes(1), at);
                break;
            default:
                message.MarkSent(Guid.NewGuid().ToString(), at);
                break;
        }

        await services.GetRequiredService<IUnitOfWork>().StoreSendAsync(message);
        Ids.Add(message.Id);
        return message.Id;
    }

    public async Task<Guid> InboundAsync(string from, DateTimeOffset at, string body, string to = OurNumber)
    {
        var delivery = SimulatorWebhooks.Inbound(from, to, body, at);
        await services.GetRequiredService<WebhookReceiver>().ReceiveAsync(delivery, default);
        var uuid = delivery.Fields.Single(f => f.Key == "MessageUUID").Value;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WhatsAppDbContext>();
        var id = await db.Messages.Where(m => m.ProviderMessageId == uuid).Select(m => m.Id).SingleAsync();
        Ids.Add(id);
        return id;
    }
}
