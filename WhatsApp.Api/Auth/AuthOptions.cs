namespace WhatsApp.Api.Auth;

/// <summary>API keys (section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Shortest key accepted, so a guessable placeholder cannot slip into production.</summary>
    public const int MinimumKeyLength = 16;

    public IList<ApiKeyOptions> ApiKeys { get; } = [];
}
