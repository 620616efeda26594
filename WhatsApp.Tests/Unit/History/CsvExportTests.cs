using Moq;
using WhatsApp.Api.Features.History;
using WhatsApp.Domain.History;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Tests.Unit.History;

/// <summary>The export's exact bytes: its columns, their order and how each value is written.</summary>
public sealed class CsvExportTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Export_MessagesOfEveryKind_WritesTheDocumentedColumnsInOrder()
    {
        var failed = Message.CreateOutbound(Guid.Parse("0193a4b2-0000-7000-8000-000000000001"), "+14155550100", "+14155552671",
            MessageType.Template, new MessageContent(Template: new TemplateContent("order_update", "en", null)), "shop", At);
        failed.MarkSending(At);
        failed.MarkFailed("131026", "Message undeliverable, \"blocked\"", At.AddSeconds(5));
        var sent = Message.CreateOutbound(Guid.Parse("0193a4b2-0000-7000-8000-000000000002"), "+14155550100", "+14155552671",
            MessageType.Text, MessageContent.ForText("=1+1, said \"hi\""), "shop", At.AddMinutes(1),
            new Dictionary<string, string> { ["order_id"] = "A-1" });
        sent.MarkSending(At.AddMinutes(1));
        sent.MarkSent("prov-2", At.AddMinutes(1).AddSeconds(2));
        var inbound = Message.CreateInbound(Guid.Parse("0193a4b2-0000-7000-8000-000000000003"), "+14155552671", "+14155550100", "in-3",
            MessageType.Media, MessageContent.ForMedia("https://media.example/x.jpg", "two\nlines"),
            new InboundDetails("image", ["https://media.example/x.jpg"], "image/jpeg", null, null, null, new Dictionary<string, string>()), At.AddMinutes(2));
        var reader = new Mock<IHistoryReader>();
        reader.Setup(r => r.ExportAsync(It.IsAny<MessageFilter>(), It.IsAny<CancellationToken>()))
            .Returns(new[] { inbound, sent, failed }.ToAsyncEnumerable());
        using var csv = new StringWriter();

        await new HistoryService(reader.Object, TimeProvider.System).ExportAsync(new MessageSearchQuery(), csv, default);

        Assert.That(csv.ToString(), Is.EqualTo(
            "id,created_at,direction,type,from,to,status,template_name,body,media_url,provider_message_id,error_code,error_reason,updated_at,metadata,sent_by\r\n"
            + "0193a4b2-0000-7000-8000-000000000003,2026-11-26T10:02:00.0000000+00:00,inbound,media,+14155552671,+14155550100,received,,"
            + "\"two\nlines\",https://media.example/x.jpg,in-3,,,2026-11-26T10:02:00.0000000+00:00,,\r\n"
            + "0193a4b2-0000-7000-8000-000000000002,2026-11-26T10:01:00.0000000+00:00,outbound,text,+14155550100,+14155552671,sent,,"
            + "\"'=1+1, said \"\"hi\"\"\",,prov-2,,,2026-11-26T10:01:02.0000000+00:00,\"{\"\"order_id\"\":\"\"A-1\"\"}\",\r\n"
            + "0193a4b2-0000-7000-8000-000000000001,2026-11-26T10:00:00.0000000+00:00,outbound,template,+14155550100,+14155552671,failed,order_update,"
            + ",,,131026,\"Message undeliverable, \"\"blocked\"\"\",2026-11-26T10:00:05.0000000+00:00,,\r\n"));
    }
}
