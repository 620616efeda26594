namespace WhatsApp.Infrastructure.Users;

/// <summary>Configuration section <c>Inbox</c>: the users created at start-up when missing (Development's samples).</summary>
public sealed class InboxUserOptions
{
    public const string SectionName = "Inbox";

    public List<SampleUser> SampleUsers { get; init; } = [];

    public sealed class SampleUser
    {
        public string Email { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public string Role { get; init; } = string.Empty;

        public string Password { get; init; } = string.Empty;
    }
}
