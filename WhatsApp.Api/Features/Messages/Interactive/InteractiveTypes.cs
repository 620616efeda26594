namespace WhatsApp.Api.Features.Messages.Interactive;

/// <summary>The <c>interactive.type</c> values Plivo documents.</summary>
internal static class InteractiveTypes
{
    public const string Button = "button";
    public const string List = "list";
    public const string CtaUrl = "cta_url";
}
