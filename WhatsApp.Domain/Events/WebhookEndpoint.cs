using System.Security.Cryptography;

namespace WhatsApp.Domain.Events;

/// <summary>
/// A business system's URL that receives the events it subscribed to, signed with its secret (Standard Webhooks). After
/// a rotation the previous secret signs beside the new one for a while, so receivers roll over without downtime.
/// </summary>
public sealed class WebhookEndpoint
{
    public const string SecretPrefix = "whsec_";
    public const int MaxDescriptionLength = 500;
    public const int MaxUrlLength = 2048;

    private WebhookEndpoint()
    {
        Url = Secret = string.Empty;
        EventTypes = Senders = [];
    }

    public Guid Id { get; private set; }

    public string Url { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The event types sent; empty for all.</summary>
    public IReadOnlyList<string> EventTypes { get; private set; }

    /// <summary>Our numbers whose messages' events are sent; empty for all.</summary>
    public IReadOnlyList<string> Senders { get; private set; }

    public bool Disabled { get; private set; }

    /// <summary>Why the gateway disabled it (a <c>410 Gone</c>, or failing for too long); null when enabled or disabled by hand.</summary>
    public string? DisabledReason { get; private set; }

    public string Secret { get; private set; }

    public string? PreviousSecret { get; private set; }

    /// <summary>Until when <see cref="PreviousSecret"/> still signs.</summary>
    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    /// <summary>Since when every delivery has failed; null after a success.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static WebhookEndpoint Create(
        string url, string? description, IReadOnlyList<string>? eventTypes, IReadOnlyList<string>? senders, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Url = url,
        Description = description,
        EventTypes = eventTypes ?? [],
        Senders = senders ?? [],
        Secret = NewSecret(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary><c>whsec_</c> and the base64 of 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public bool Subscribes(MessageEvent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return !Disabled
            && (EventTypes.Count == 0 || EventTypes.Contains(message.Type))
            && (Senders.Count == 0 || message.Sender is null || Senders.Contains(message.Sender));
    }

    /// <summary>The secrets that sign a delivery made at <paramref name="now"/>: the current one, and the previous one during its overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is { } previous && PreviousSecretExpiresAt > now ? [Secret, previous] : [Secret];

    public void Change(string? url, string? description, IReadOnlyList<string>? eventTypes, IReadOnlyList<string>? senders, bool? disabled, DateTimeOffset now)
    {
        Url = url ?? Url;
        Description = description ?? Description;
        EventTypes = eventTypes ?? EventTypes;
        Senders = senders ?? Senders;
        if (disabled is { } off && off != Disabled)
        {
            Disabled = off;
            DisabledReason = null;
            FailingSince = null;
        }

        UpdatedAt = now;
    }

    public string RotateSecret(DateTimeOffset now, TimeSpan overlap)
    {
        PreviousSecret = Secret;
        PreviousSecretExpiresAt = now + overlap;
        Secret = NewSecret();
        UpdatedAt = now;
        return Secret;
    }

    /// <summary>Records a delivery's outcome; true when it disabled the endpoint (it answered 410, or has failed for <paramref name="failingFor"/>).</summary>
    public bool RecordDelivery(DeliveryResult result, DateTimeOffset now, TimeSpan failingFor)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded)
        {
            FailingSince = null;
            return false;
        }

        FailingSince ??= now;
        var reason = result.Gone ? "The endpoint answered 410 Gone."
            : now - FailingSince >= failingFor ? $"Every delivery failed for {failingFor.TotalDays:0.#} days."
            : null;
        if (reason is null || Disabled)
        {
            return false;
        }

        Disabled = true;
        DisabledReason = reason;
        UpdatedAt = now;
        return true;
    }
}
