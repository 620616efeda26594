namespace WhatsApp.Tests.Functional;

/// <summary>API keys configured by <see cref="WhatsAppApiFactory"/>.</summary>
internal static class TestApiKeys
{
    public const string Sender = "test-sender-key-1111111111";
    public const string OtherSender = "test-sender-key-2222222222";
    public const string Agent = "test-agent-key-33333333333";
    public const string Admin = "test-admin-key-44444444444";
    public const string DefaultSender = "+14155550100";
    public const string SecondSender = "+14155550101";
}
