using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Events;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Api.Features.Messages;

/// <summary>
/// Event bodies in the Standard Webhooks shape, <c>{"type", "timestamp", "data"}</c>: a message event's data is the
/// message as <c>GET /api/messages/{id}</c> shows it at the attempt, with the event's own status and sequence.
/// </summary>
internal sealed class MessageEventBodies(IMessageRepository messages, IOptions<JsonOptions> json) : IEventBodies
{
    public async Task<string> RenderAsync(MessageEvent message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var options = json.Value.JsonSerializerOptions;
        JsonNode data = new JsonObject { ["description"] = "A test event: the endpoint is reachable and its signature can be checked." };
        if (message is { MessageId: { } id, Status: { } status } && await messages.FindAsync(id, ct) is { } stored)
        {
            var shown = JsonSerializer.SerializeToNode(stored.ToResponse(await messages.GetStatusHistoryAsync(id, ct)), options)!.AsObject();
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
