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
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.ValidationState != ModelValidationState.Invalid)
            {
                continue;
            }

            var name = Normalize(key, context);
            if (!errors.TryGetValue(name, out var messages))
            {
                errors[name] = messages = [];
            }

            messages.AddRange(entry.Errors.Select(e => Describe(e.ErrorMessage)));
        }

        // "The request field is required" only echoes a more precise error found elsewhere.
        if (errors.Count > 1 || errors.Values.Sum(m => m.Count) > 1)
        {
            foreach (var messages in errors.Values)
            {
                messages.RemoveAll(m => m.EndsWith("field is required.", StringComparison.Ordinal));
            }
        }

        var normalized = new ModelStateDictionary();
        foreach (var (name, messages) in errors.Where(e => e.Value.Count > 0))
        {
            messages.ForEach(m => normalized.AddModelError(name, m));
        }

        var factory = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        var problem = factory.CreateValidationProblemDetails(
            context.HttpContext, normalized, StatusCodes.Status400BadRequest, "One or more fields are invalid.");
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    /// <summary>The JSON reader's messages name .NET types; clients need to know what is wrong with their JSON.</summary>
    private static string Describe(string message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return "The value is invalid.";
        }

        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "Unknown field: it is not part of this request.";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "The JSON value has the wrong type for this field.";
        }

        var path = message.IndexOf(" Path: $", StringComparison.Ordinal);
        return path > 0 ? message[..path] : message;
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
