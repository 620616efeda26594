namespace WhatsApp.Api.Auth;

/// <summary>What an API key may do: senders send and read their own messages, agents read history, admins both.</summary>
public static class Roles
{
    public const string Sender = "sender";
    public const string Agent = "agent";
    public const string Admin = "admin";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Sender, Agent, Admin };
}
