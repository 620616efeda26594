using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Services;

namespace WhatsApp.Api.Features.Messages;

/// <summary>Turns a validated <see cref="SendMessageRequest"/> into the domain command.</summary>
public static class SendMessageRequestMapper
{
    private static readonly JsonSerializerOptions CanonicalJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Maps a request that passed validation; an invalid one throws <see cref="ArgumentException"/>.</summary>
    public static SendMessageCommand ToCommand(
        this SendMessageRequest request,
        string defaultSender,
        string clientName,
        string? idempotencyKey,
        string? fingerprint)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = ToMessageType(request.Type);
        var content = type switch
        {
            MessageType.Text => MessageContent.ForText(Required(request.Message, "message")),
            MessageType.Media => MessageContent.ForMedia(
                Required(request.MediaUrls?.SingleOrDefault(), "media_urls[0]"),
                string.IsNullOrEmpty(request.Message) ? null : request.Message),
            MessageType.Template => new MessageContent(Template: Required(request.Template, "template").ToContent()),
            MessageType.Interactive => new MessageContent(Interactive: Required(request.Interactive, "interactive").ToContent()),
            _ => new MessageContent(Location: Required(request.Location, "location").ToContent()),
        };

        return new SendMessageCommand(
            request.From ?? defaultSender,
            Required(request.To, "to"),
            type,
            content,
            clientName,
            idempotencyKey,
            fingerprint,
            request.Metadata?.ToDictionary(p => p.Key, p => Required(p.Value, $"metadata.{p.Key}"), StringComparer.Ordinal));
    }

    /// <summary>
    /// SHA-256 (lowercase hex) of the request re-serialized canonically: declaration order, snake_case, no nulls,
    /// absent type as <c>text</c>, metadata keys sorted. Whitespace, property order and <c>37.4</c> versus <c>"37.4"</c>
    /// do not change it.
    /// </summary>
    public static string Fingerprint(this SendMessageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var canonical = request with
        {
            Type = request.Type ?? "text",
            Metadata = request.Metadata is { } metadata ? new SortedDictionary<string, string?>(metadata.ToDictionary(), StringComparer.Ordinal) : null,
        };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(canonical, CanonicalJson)));
    }

    internal static T Required<T>(T? value, string field)
        where T : class =>
        value ?? throw Missing(field);

    internal static ArgumentException Missing(string field) =>
        new($"'{field}' is missing; validate the request before mapping it.");

    private static MessageType ToMessageType(string? type) => type switch
    {
        null or "text" => MessageType.Text,
        "media" => MessageType.Media,
        "template" => MessageType.Template,
        "interactive" => MessageType.Interactive,
        "location" => MessageType.Location,
        _ => throw new ArgumentException($"Unknown message type '{type}'; validate the request before mapping it.", nameof(type)),
    };
}
