using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WhatsApp.Api.OpenApi;

/// <summary>Adds an example body for each message type to <c>POST /api/messages</c>.</summary>
internal sealed class SendMessageExamplesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (description.HttpMethod != "POST" || description.RelativePath != "api/messages"
            || operation.RequestBody?.Content is not { } content || !content.TryGetValue("application/json", out var media))
        {
            return Task.CompletedTask;
        }

        media.Examples ??= new Dictionary<string, IOpenApiExample>();
        foreach (var (name, body) in SendMessageExamples.Bodies)
        {
            media.Examples[name] = new OpenApiExample { Summary = name.Replace('_', ' '), Value = SendMessageExamples.Parse(body) };
        }

        return Task.CompletedTask;
    }
}
