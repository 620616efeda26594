namespace WhatsApp.Domain.Messages;

/// <summary>
/// A WhatsApp message in either direction. State changes go through methods so the status only moves forward.
/// </summary>
public sealed class Message
{
    public const int MaxErrorReasonLength = 1024;

    private Message()
    {
        From = To = Contact = ClientName = string.Empty;
        Content = new MessageContent();
    }

    public Guid Id { get; private set; }

    public MessageDirection Direction { get; private set; }

    public MessageType Type { get; private set; }

    /// <summary>Sender number, E.164. For outbound messages one of our WhatsApp numbers.</summary>
    public string From { get; private set; }

    /// <summary>Recipient number, E.164.</summary>
    public string To { get; private set; }

    /// <summary>The customer's number: <see cref="To"/> for outbound, <see cref="From"/> for inbound.</summary>
    public string Contact { get; private set; }

    public MessageContent Content { get; private set; }

    /// <summary>The template's name, kept beside the content so history can filter by it.</summary>
    public string? TemplateName { get; private set; }

    public MessageStatus Status { get; private set; }

    public string? ProviderMessageId { get; private set; }

    public string? ErrorCode { get; private set; }

    public string? ErrorReason { get; private set; }

    /// <summary>Dispatch attempts so far (each one an HTTP request that may have reached Plivo).</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>Name of the API client that created an outbound message; senders may read only their own.</summary>
    public string ClientName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Details only inbound messages have.</summary>
    public InboundDetails? Inbound { get; private set; }

    /// <summary>The WhatsApp conversation, from the latest status report that named one.</summary>
    public ConversationInfo? Conversation { get; private set; }

    /// <summary>Accepted although the contact's service window was closed (window policy <c>Warn</c>).</summary>
    public bool OutsideWindow { get; private set; }

    /// <summary>The message this one is an explicit resend of (<see cref="CreateResend"/>); at most one resend per message.</summary>
    public Guid? ResendOf { get; private set; }

    /// <summary>The client's own keys and values (<see cref="MessageMetadata"/>), carried in every event of the message; null when none.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; private set; }

    /// <summary>The inbox user who wrote it (an agent's reply); null when an API client sent it.</summary>
    public string? SentBy { get; private set; }

    public static Message CreateOutbound(
        Guid id,
        string from,
        string to,
        MessageType type,
        MessageContent content,
        string clientName,
        DateTimeOffset now,
        IReadOnlyDictionary<string, string>? metadata = null,
        string? sentBy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentNullException.ThrowIfNull(content);
        return new Message
        {
            Id = id,
            Direction = MessageDirection.Outbound,
            Type = type,
            From = from,
            To = to,
            Contact = to,
            Content = content,
            TemplateName = content.Template?.Name,
            ClientName = clientName,
            Metadata = metadata is { Count: > 0 } ? metadata : null,
            SentBy = sentBy,
            Status = MessageStatus.Queued,
            NextAttemptAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// A new queued message with the original's sender, recipient, type, content, client (so the sender who wrote
    /// it can follow the resend) and metadata, linked to it. Which messages may be resent is the resend use case's rule.
    /// </summary>
    public static Message CreateResend(Message original, Guid id, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (original.Direction != MessageDirection.Outbound)
        {
            throw new InvalidOperationException($"Message {original.Id} is inbound.");
        }

        var resend = CreateOutbound(id, original.From, original.To, original.Type, original.Content, original.ClientName, now, original.Metadata);
        resend.ResendOf = original.Id;
        return resend;
    }

    public static Message CreateInbound(
        Guid id, string from, string to, string providerMessageId, MessageType type, MessageContent content, InboundDetails details, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerMessageId);
        return new Message
        {
            Id = id,
            Direction = MessageDirection.Inbound,
            Type = type,
            From = from,
            To = to,
            Contact = from,
            Content = content,
            Inbound = details,
            ProviderMessageId = providerMessageId,
            Status = MessageStatus.Received,
            CreatedAt = receivedAt,
            UpdatedAt = receivedAt,
        };
    }

    public void FlagOutsideWindow() => OutsideWindow = true;

    /// <summary>Called right before the HTTP request; from now on a crash leaves the outcome unknown.</summary>
    public void MarkSending(DateTimeOffset now)
    {
        EnsureStatus(MessageStatus.Queued);
        Status = MessageStatus.Sending;
        Attempts++;
        NextAttemptAt = null;
        UpdatedAt = now;
    }

    public void MarkSent(string providerMessageId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerMessageId);
        EnsureStatus(MessageStatus.Sending);
        Status = MessageStatus.Sent;
        ProviderMessageId = providerMessageId;
        ErrorCode = null;
        ErrorReason = null;
        SentAt = now;
        UpdatedAt = now;
    }

    public void MarkFailed(string errorCode, string reason, DateTimeOffset now)
    {
        EnsureStatus(MessageStatus.Sending);
        Status = MessageStatus.Failed;
        SetError(errorCode, reason);
        UpdatedAt = now;
    }

    public void ScheduleRetry(string errorCode, string reason, DateTimeOffset nextAttemptAt, DateTimeOffset now)
    {
        EnsureStatus(MessageStatus.Sending);
        Status = MessageStatus.Queued;
        SetError(errorCode, reason);
        NextAttemptAt = nextAttemptAt;
        UpdatedAt = now;
    }

    /// <summary>
    /// The request may have reached Plivo. Resending could deliver the message twice, so it is never resent automatically:
    /// Plivo's first report on it (matched by the ref of its callback URL) settles it, or staff resend it.
    /// </summary>
    public void MarkOutcomeUnknown(string reason, DateTimeOffset now)
    {
        EnsureStatus(MessageStatus.Sending);
        Status = MessageStatus.OutcomeUnknown;
        SetError("outcome_unknown", reason);
        UpdatedAt = now;
    }

    private void SetError(string errorCode, string reason)
    {
        ErrorCode = errorCode;
        ErrorReason = reason.Length > MaxErrorReasonLength ? reason[..MaxErrorReasonLength] : reason;
    }

    private void EnsureStatus(MessageStatus expected)
    {
        if (Status != expected)
        {
            throw new InvalidOperationException($"Message {Id} is {Status}, expected {expected}.");
        }
    }
}
