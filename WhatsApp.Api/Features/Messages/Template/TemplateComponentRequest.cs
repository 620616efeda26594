using System.Text.Json.Serialization;

namespace WhatsApp.Api.Features.Messages.Template;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TemplateComponentRequest
{
    /// <summary><c>header</c>, <c>body</c>, <c>footer</c> or <c>button</c>.</summary>
    public string? Type { get; init; }

    /// <summary>For buttons: <c>quick_reply</c> or <c>url</c>.</summary>
    public string? SubType { get; init; }

    /// <summary>For buttons: the button's position as a string (<c>"0"</c>).</summary>
    public string? Index { get; init; }

    public IReadOnlyList<TemplateParameterRequest?>? Parameters { get; init; }
}
