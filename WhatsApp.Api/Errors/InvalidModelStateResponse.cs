using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WhatsApp.Api.Errors;

/// <summary>
/// Builds the 400 for invalid input with errors keyed by JSON path: the JSON reader's <c>$.a.b</c> becomes
/// <c>a.b</c>, a problem with the body as a whole is keyed <c>body</c>, and the binder's generic "field is required"
/// is dropped when a more precise reason exists.
/// </summary>
internal static class InvalidModelStateResponse
{
    private const string BodyKey = "body";

    public static IActionResult Create(ActionContext context)
    {
        var normalized = new ModelStateDictionary();
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.ValidationState != ModelValidationState.Invalid)
            {
                continue;
            }

            var messages = entry.Errors.Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "The value is invalid." : e.ErrorMessage).ToList();
            if (messages.Count > 1)
            {
                messages.RemoveAll(m => m.EndsWith("field is required.", StringComparison.Ordinal));
            }

            foreach (var message in messages)
            {
                normalized.AddModelError(Normalize(key, context), message);
            }
        }

        var factory = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        var problem = factory.CreateValidationProblemDetails(
            context.HttpContext, normalized, StatusCodes.Status400BadRequest, "One or more fields are invalid.");
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    private static string Normalize(string key, ActionContext context)
    {
        if (key is "$" or "" || context.ActionDescriptor.Parameters.Any(p => p.Name == key && p.BindingInfo?.BindingSource == BindingSource.Body))
        {
            return BodyKey;
        }

        return key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;
    }
}
