using System.Text.Json.Serialization;

namespace WhatsApp.Api.Features.Messages.Template;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TemplateRequest
{
    public string? Name { get; init; }

    public string? Language { get; init; }

    public IReadOnlyList<TemplateComponentRequest?>? Components { get; init; }
}
