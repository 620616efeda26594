using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace WhatsApp.Api.Errors;

/// <summary>
/// The last problem details writer: used only when the framework's writers decline because the client's
/// <c>Accept</c> header excludes JSON (<c>application/xml</c>, <c>text/html</c>, garbage). This API speaks only JSON,
/// so the error still goes out as <c>application/problem+json</c> with a trace id, instead of the writer failing
/// and turning a 401 or 413 into a 500.
/// </summary>
internal sealed class ProblemJsonFallbackWriter(IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        return new ValueTask(http.Response.WriteAsJsonAsync(
            problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }
}
