namespace WhatsApp.Api.Features.Inbox;

/// <summary>How an outbound message's status reads in the thread: ticks for the eye, a word for everyone.</summary>
public static class InboxText
{
    public static string Ticks(string status) => status switch
    {
        "sent" => "✓",
        "delivered" or "read" => "✓✓",
        "failed" or "undelivered" => "✕",
        "outcome_unknown" => "?",
        _ => "🕓",
    };

    public static string StatusName(string status) => status switch
    {
        "outcome_unknown" => "outcome unknown",
        _ => status,
    };
}
