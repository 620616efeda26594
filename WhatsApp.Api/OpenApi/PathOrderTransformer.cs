using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WhatsApp.Api.OpenApi;

/// <summary>
/// Paths and their operations grouped by tag (the controller's name) in name order, each group as its actions come.
/// Left alone, the order is the order the compiler emits controllers in, which depends on their namespaces: moving a
/// controller to another folder must not reorder the document, and so every generated client.
/// </summary>
internal sealed class PathOrderTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var paths = document.Paths.ToList();
        document.Paths.Clear();
        foreach (var (route, item) in paths.OrderBy(p => FirstTag(p.Value.Operations?.Values), StringComparer.Ordinal))
        {
            if (item.Operations is { Count: > 1 } operations)
            {
                var byTag = operations.OrderBy(o => FirstTag([o.Value]), StringComparer.Ordinal).ToList();
                operations.Clear();
                foreach (var (method, operation) in byTag)
                {
                    operations.Add(method, operation);
                }
            }

            document.Paths.Add(route, item);
        }

        return Task.CompletedTask;
    }

    // A path shared by two controllers (GET history, POST send) sits with the first of them by name.
    private static string FirstTag(IEnumerable<OpenApiOperation>? operations) =>
        (operations ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name ?? string.Empty)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault() ?? string.Empty;
}
