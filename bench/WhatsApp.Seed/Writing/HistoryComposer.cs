using System.Globalization;
using WhatsApp.Domain.Messages;
using WhatsApp.Seed.Content;
using WhatsApp.Seed.Planning;

namespace WhatsApp.Seed.Writing;

/// <summary>
/// Turns planned messages, in time order, into complete rows: content, status, provider ids, conversation, status
/// reports, and each contact's running summary.
/// </summary>
internal sealed class HistoryComposer
{
    private const long Day = 86_400_000;

    private readonly Random _random;
    private readonly ContactProfile[] _contacts;
    private readonly string[] _senders;
    private readonly OutboundContent _outbound;
    private readonly InboundContent _inbound;
    private readonly OutboundTimeline _timeline;

    public HistoryComposer(SeedOptions options, ContactProfile[] contacts, long untilUnixMs)
    {
        _random = new Random(unchecked((options.Seed * 397) ^ 0x5eed));
        _contacts = contacts;
        States = contacts.Select(_ => new ContactState()).ToArray();
        _senders = Enumerable.Range(0, options.Senders)
            .Select(i => "+1415555" + (100 + i).ToString("D4", CultureInfo.InvariantCulture))
            .ToArray();
        var bodies = new BodyComposer(_random);
        _outbound = new OutboundContent(_random, bodies);
        _inbound = new InboundContent(_random, bodies);
        _timeline = new OutboundTimeline(_random, untilUnixMs, options.StatusHistoryEvery);
    }

    public MessageRow Row { get; private set; } = new();

    /// <summary>The status reports kept for the latest message (usually none).</summary>
    public List<StatusEventRow> Events { get; } = [];

    public ContactState[] States { get; }

    public void Compose(in PlannedMessage planned)
    {
        var contact = _contacts[planned.Contact];
        var state = States[planned.Contact];
        var ourNumber = _senders[planned.Sender];
        if (planned.StartsSession || state.Order.Length == 0)
        {
            state.Order = "A-" + _random.Next(10_000, 100_000).ToString(CultureInfo.InvariantCulture);
        }

        Events.Clear();
        var row = Row = new MessageRow
        {
            Id = SeededIds.Version7(planned.UnixMs, _random),
            Direction = planned.Direction,
            Type = planned.Type,
            Contact = contact.Number,
            CreatedAt = planned.UnixMs,
            UpdatedAt = planned.UnixMs,
        };

        var inbound = planned.Direction == MessageDirection.Inbound;
        if (inbound)
        {
            row.ProviderMessageId = SeededIds.Version4(_random).ToString();
            (row.Content, row.Inbound) = _inbound.Build(planned.Type, contact, ourNumber, row.ProviderMessageId, state.Order,
                new InboundContext(state.LastOutboundProviderId, state.LastTemplate, state.LastInteractiveKind));
            (row.From, row.To, row.Status) = (contact.Number, ourNumber, MessageStatus.Received);
        }
        else
        {
            ComposeOutbound(planned, row, contact, state, ourNumber);
        }

        state.Record(inbound, row.Id, row.CreatedAt, ourNumber);
    }

    private void ComposeOutbound(in PlannedMessage planned, MessageRow row, ContactProfile contact, ContactState state, string ourNumber)
    {
        (row.From, row.To) = (ourNumber, contact.Number);
        row.Content = _outbound.Build(planned.Type, contact.Language, state.Order, planned.Template);
        row.TemplateName = row.Content.Template?.Name;
        row.ClientName = ClientFor(planned);
        if (_timeline.Apply(row, Events))
        {
            // Plivo names the WhatsApp conversation (24 hours from its first message) in every status report.
            if (state.ConversationJson is null || row.SentAt >= state.ConversationExpiresAt)
            {
                var expiresAt = DateTimeOffset.FromUnixTimeSeconds((row.SentAt!.Value + Day) / 1_000);
                var origin = planned.Type == MessageType.Template ? TemplateCatalog.Origin(planned.Template) : "service";
                state.ConversationJson = SeedJson.Serialize(new ConversationInfo(SeededIds.Hex(_random, 16), origin, expiresAt));
                state.ConversationExpiresAt = expiresAt.ToUnixTimeMilliseconds();
            }

            row.ConversationJson = state.ConversationJson;
        }

        state.LastOutboundProviderId = row.ProviderMessageId ?? state.LastOutboundProviderId;
        state.LastTemplate = planned.Type == MessageType.Template ? planned.Template : state.LastTemplate;
        state.LastInteractiveKind = row.Content.Interactive?.Type ?? state.LastInteractiveKind;
        if (row.Status is MessageStatus.Failed or MessageStatus.Undelivered)
        {
            state.FailedCount++;
        }
    }

    private string ClientFor(in PlannedMessage planned) => planned.Type switch
    {
        MessageType.Template => TemplateCatalog.Name(planned.Template) switch
        {
            "otp_code" => "auth-service",
            "spring_sale" => "marketing",
            _ => "crm",
        },
        _ => _random.NextDouble() < 0.85 ? "support-desk" : "sales-bot",
    };
}
