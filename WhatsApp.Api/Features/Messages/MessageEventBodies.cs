using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Events;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Api.Features.Messages;

/// <summary>
/// Event bodies in the Standard Webhooks shape, <c>{"type", "timestamp", "data"}</c>: a message event's data is the
/// message as <c>GET /api/messages/{id}</c> shows it at the attempt, with the event's own status and sequence.
/// </summary>
internal sealed class MessageEventBodies(IMessageRepository messages, IOptions<JsonOptions> json) : IEventBodies
{
    public async Task<IReadOnlyList<string>> RenderAsync(IReadOnlyList<MessageEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ids = events.Where(e => e is { MessageId: not null, Status: not null }).Select(e => e.MessageId!.Value).Distinct().ToList();
        var stored = await messages.FindWithHistoryAsync(ids, ct);
        return events.Select(e => Render(e, stored)).ToList();
    }

    private string Render(MessageEvent message, IReadOnlyDictionary<Guid, (Message Message, IReadOnlyList<MessageStatusEvent> History)> stored)
    {
        var options = json.Value.JsonSerializerOptions;
        JsonNode data = new JsonObject { ["description"] = "A test event: the endpoint is reachable and its signature can be checked." };
        if (message is { MessageId: { } id, Status: { } status } && stored.TryGetValue(id, out var found))
        {
            var shown = JsonSerializer.SerializeToNode(found.Message.ToResponse(found.History), options)!.AsObject();
            shown["status"] = Wire.Name(status);
            shown["sequence"] = message.Sequence;
            data = shown;
        }

        return new JsonObject
        {
            ["type"] = message.Type,
            ["timestamp"] = message.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["data"] = data,
        }.ToJsonString(options);
    }
}
