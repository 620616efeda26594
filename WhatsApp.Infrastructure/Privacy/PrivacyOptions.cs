namespace WhatsApp.Infrastructure.Privacy;

/// <summary>Data protection (section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// Days after which the content of messages and webhook receipts is erased (delivery metadata stays).
    /// 0, the default, keeps content forever; negative values stop the service at start-up.
    /// </summary>
    public int RetentionDays { get; set; }
}
