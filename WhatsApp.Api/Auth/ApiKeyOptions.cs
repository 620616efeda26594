namespace WhatsApp.Api.Auth;

/// <summary>One API key from <c>Auth:ApiKeys:N</c>.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The secret itself. Compared in constant time and never logged.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary><c>sender</c>, <c>agent</c> or <c>admin</c>.</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>Who the key belongs to; appears in logs and on messages the key sends.</summary>
    public string Name { get; set; } = string.Empty;
}
