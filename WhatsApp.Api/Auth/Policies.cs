namespace WhatsApp.Api.Auth;

public static class Policies
{
    /// <summary>Send messages: sender or admin keys.</summary>
    public const string Send = "send";

    /// <summary>Read one message: any key; senders only see their own (checked by the action).</summary>
    public const string ReadMessage = "read-message";

    /// <summary>Message history across all clients: agent or admin keys.</summary>
    public const string ReadHistory = "read-history";

    /// <summary>The Prometheus scrape endpoint: agent or admin keys (counts and timings, no message content).</summary>
    public const string ReadMetrics = "read-metrics";

    /// <summary>The support inbox's pages: a signed-in agent or admin (the inbox cookie, not an API key).</summary>
    public const string Inbox = "inbox";

    /// <summary>The inbox's admin actions (users, erasure, export): a signed-in admin.</summary>
    public const string InboxAdmin = "inbox-admin";

    /// <summary>Operations such as erasure and replays: admin keys.</summary>
    public const string Admin = "admin";
}
