namespace WhatsApp.Api.Auth;

/// <summary>
/// The keys published in <c>appsettings.Development.json</c> and the README. They are public, so outside Development
/// a configured key equal to one of them stops start-up.
/// </summary>
internal static class SampleApiKeys
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "dev-sender-key-0000000000",
        "dev-agent-key-00000000000",
        "dev-admin-key-00000000000",
    };
}
