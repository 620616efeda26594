using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using WhatsApp.Domain.Common;
using WhatsApp.Infrastructure.Privacy;

namespace WhatsApp.Api.Errors;

/// <summary>
/// Maps exceptions to problem details: domain rules to 4xx, bad HTTP input to its own status, anything else to a
/// 500 that reveals nothing of the exception (it is logged instead).
/// </summary>
internal sealed partial class ExceptionToProblemHandler(IProblemDetailsService problems, ILogger<ExceptionToProblemHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            NotFoundException e => (StatusCodes.Status404NotFound, "Not found", e.Message),
            ConflictException e => (StatusCodes.Status409Conflict, "Conflict", e.Message),
            WindowClosedException e => (StatusCodes.Status422UnprocessableEntity, "Customer service window closed", e.Message),
            // The JSON reader transcodes a body declared as another charset (utf-16) and throws on bytes that are not.
            DecoderFallbackException => (StatusCodes.Status400BadRequest, "Bad request", "The request body is not valid text in the charset its Content-Type declares."),
            BadHttpRequestException e => (e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request", e.Message),
            _ when IsDatabaseFailure(exception) => (StatusCodes.Status503ServiceUnavailable, "Storage unavailable", "The request was not stored. Retry later."),
            _ => (StatusCodes.Status500InternalServerError, "Internal server error", "An unexpected error occurred. Quote the trace id when reporting it."),
        };
        if (status >= StatusCodes.Status500InternalServerError)
        {
            // The path may hold a contact's number (/api/contacts/{contact}/window).
            LogUnhandled(exception, httpContext.Request.Method, ContactMask.MaskNumbersIn(httpContext.Request.Path.ToString()));
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (exception is WindowClosedException closed)
        {
            problem.Extensions["contact"] = closed.Contact;
            problem.Extensions["window_closed_at"] = closed.ClosedAt;
            problem.Extensions["template_required"] = true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    /// <summary>The database refused or failed (locked, read-only, disk): nothing was stored, so the client may retry.</summary>
    private static bool IsDatabaseFailure(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is System.Data.Common.DbException)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
