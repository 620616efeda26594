using WhatsApp.Domain.Messages;
using WhatsApp.Seed.Content;

namespace WhatsApp.Seed.Planning;

/// <summary>
/// Lays out every contact's conversation in time (sessions of quick back-and-forth separated by long pauses), then
/// merges all conversations into one time-ordered history with a unique millisecond per message, so UUID v7 ids
/// built from those milliseconds ascend exactly as the timestamps do.
/// </summary>
internal sealed class HistoryPlanner(SeedOptions options, long untilUnixMs)
{
    private const long Second = 1_000;
    private const long Hour = 3_600 * Second;
    private const long Window = 24 * Hour;
    private const double SessionBreakChance = 0.3;

    private readonly Random _random = new(options.Seed);
    private int _order;

    public ContactProfile[] Contacts { get; private set; } = [];

    public PlannedMessage[] Plan()
    {
        var counts = ActivityDistribution.MessagesPerContact(options.Messages, options.Contacts, _random);
        var numbers = new PhoneNumberPlan();
        Contacts = new ContactProfile[options.Contacts];
        var messages = new PlannedMessage[options.Messages];
        var gaps = new long[counts.Max()];
        var next = 0;
        for (var contact = 0; contact < Contacts.Length; contact++)
        {
            var (number, language) = numbers.Next(_random);
            Contacts[contact] = new ContactProfile(number, language, (byte)_random.Next(options.Senders));
            PlanConversation(contact, messages.AsSpan(next, counts[contact]), gaps);
            next += counts[contact];
        }

        Array.Sort(messages, static (a, b) => a.UnixMs != b.UnixMs ? a.UnixMs.CompareTo(b.UnixMs) : a.Order.CompareTo(b.Order));
        for (var i = 1; i < messages.Length; i++)
        {
            if (messages[i].UnixMs <= messages[i - 1].UnixMs)
            {
                messages[i].UnixMs = messages[i - 1].UnixMs + 1;
            }
        }

        return messages;
    }

    private void PlanConversation(int contact, Span<PlannedMessage> conversation, long[] gaps)
    {
        var span = options.Days * Window;
        var total = 0L;
        for (var i = 1; i < conversation.Length; i++)
        {
            conversation[i].StartsSession = _random.NextDouble() < SessionBreakChance;
            gaps[i] = conversation[i].StartsSession
                ? Hour + Exponential(36 * Hour)
                : 2 * Second + Exponential(90 * Second);
            total += gaps[i];
        }

        // Busy contacts would overrun the history; squeeze their pauses to fit. Quiet ones start anywhere in it.
        var scale = total > span * 0.98 ? span * 0.98 / total : 1;
        var time = untilUnixMs - span + (long)(_random.NextDouble() * (span - total * scale));
        var profile = Contacts[contact];
        var sender = profile.HomeSender;
        long? lastInbound = null;
        for (var i = 0; i < conversation.Length; i++)
        {
            ref var message = ref conversation[i];
            time += i == 0 ? 0 : (long)(gaps[i] * scale);
            message.UnixMs = time;
            message.Order = _order++;
            message.Contact = contact;
            if (i == 0 || message.StartsSession)
            {
                message.StartsSession = true;
                sender = _random.NextDouble() < 0.9 ? profile.HomeSender : (byte)_random.Next(options.Senders);
            }

            message.Sender = sender;
            var previous = i == 0 ? default : conversation[i - 1];
            message.Direction = ChooseDirection(message.StartsSession, previous.Direction);
            var windowOpen = lastInbound is { } inbound && time - inbound < Window;
            message.Type = message.Direction == MessageDirection.Inbound
                ? ChooseInboundType(previous, i > 0)
                : windowOpen ? ChooseOutboundType() : MessageType.Template;
            if (message.Type == MessageType.Template)
            {
                message.Template = TemplateCatalog.Pick(_random);
            }

            if (message.Direction == MessageDirection.Inbound)
            {
                lastInbound = time;
            }
        }
    }

    /// <summary>Customers open most sessions; within one, replies alternate with some double messages.</summary>
    private MessageDirection ChooseDirection(bool startsSession, MessageDirection previous)
    {
        var inboundChance = startsSession ? 0.55 : previous == MessageDirection.Inbound ? 0.35 : 0.45;
        return _random.NextDouble() < inboundChance ? MessageDirection.Inbound : MessageDirection.Outbound;
    }

    private MessageType ChooseInboundType(PlannedMessage previous, bool hasPrevious)
    {
        var roll = _random.NextDouble();
        if (hasPrevious && previous.Direction == MessageDirection.Outbound)
        {
            if (previous.Type == MessageType.Template && TemplateCatalog.HasQuickReplies(previous.Template) && roll < 0.35)
            {
                return MessageType.Button;
            }

            if (previous.Type == MessageType.Interactive && roll < 0.6)
            {
                return MessageType.Interactive;
            }
        }

        return roll < 0.87 ? MessageType.Text : roll < 0.96 ? MessageType.Media : MessageType.Location;
    }

    private MessageType ChooseOutboundType()
    {
        var roll = _random.NextDouble();
        return roll < 0.80 ? MessageType.Text
            : roll < 0.87 ? MessageType.Media
            : roll < 0.93 ? MessageType.Interactive
            : roll < 0.95 ? MessageType.Location
            : MessageType.Template;
    }

    private long Exponential(long mean) => (long)(-Math.Log(1 - _random.NextDouble()) * mean);
}
