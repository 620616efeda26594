using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WhatsApp.Api.Errors;

/// <summary>
/// Caps the request body: a declared Content-Length over the limit is a 413 before anything is read, and a chunked
/// body is cut off by the server at the same limit (surfacing as a 413 through the exception handler).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class RequestBodyLimitAttribute(long bytes) : Attribute, IAsyncResourceFilter
{
    /// <summary>The cap of every action that does not declare its own (registered as a global MVC filter).</summary>
    public const long DefaultMaxBytes = 64 * 1024;

    public long Bytes { get; } = bytes;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!ReferenceEquals(context.FindEffectivePolicy<RequestBodyLimitAttribute>(), this))
        {
            // A closer limit (on the action or controller) overrides the global one.
            await next();
            return;
        }

        var http = context.HttpContext;
        if (http.Request.ContentLength > Bytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The request body must not exceed {Bytes} bytes.",
                },
            });
            context.Result = new EmptyResult();
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = Bytes;
        }

        await next();
    }
}
