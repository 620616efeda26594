using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WhatsApp.Api.Features.PlivoWebhooks;

namespace WhatsApp.Api.Errors;

/// <summary>
/// Answers a query parameter that none of the action's parameters binds with a 400 naming it, as unknown body fields
/// are: ignored, a misremembered name (<c>cursor</c> where the timeline takes <c>before</c>) gives the client the first
/// page forever. The known names are the action's query parameters and the properties of its <c>[FromQuery]</c>
/// objects, by their wire names (<c>created_from</c>), compared as model binding does, without case. Plivo's signed
/// webhooks are exempt: they take whatever fields Plivo sends, in the query too; so are the inbox's pages.
/// </summary>
internal sealed class UnknownQueryParameterFilter(IModelMetadataProvider metadata) : IResourceFilter
{
    public const string Message = "Unknown query parameter: this endpoint does not take it.";

    // Null for an exempt action. Computed once per action: the answer depends on its signature only.
    private readonly ConcurrentDictionary<string, KnownNames?> _byAction = new(StringComparer.Ordinal);

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var query = context.HttpContext.Request.Query;
        // The static factory and its state argument: a cache hit allocates nothing, and a query that binds only lists nothing.
        if (query.Count == 0
            || _byAction.GetOrAdd(context.ActionDescriptor.Id, static (_, s) => s.Filter.Describe(s.Action), (Filter: this, Action: context.ActionDescriptor))
                is not { } known
            || known.Unknown(query) is not { } unknown)
        {
            return;
        }

        var errors = new ModelStateDictionary();
        foreach (var key in unknown)
        {
            errors.AddModelError(key, Message);
        }

        var factory = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        var problem = factory.CreateValidationProblemDetails(
            context.HttpContext, errors, StatusCodes.Status400BadRequest, "One or more query parameters are unknown.");
        context.Result = new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    private KnownNames? Describe(ActionDescriptor action)
    {
        // The inbox's pages read their own parameters (a login's ReturnUrl, a handler name).
        if (action is PageActionDescriptor || action.FilterDescriptors.Any(f => f.Filter is ValidatePlivoSignatureAttribute))
        {
            return null;
        }

        var known = new KnownNames();
        foreach (var parameter in action.Parameters.Where(p => IsQuery(p.BindingInfo?.BindingSource)))
        {
            var type = metadata.GetMetadataForType(parameter.ParameterType);
            if (type.IsComplexType && !type.IsCollectionType)
            {
                foreach (var property in type.Properties.Where(p => IsQuery(p.BindingSource)))
                {
                    known.Add(property.BinderModelName ?? property.PropertyName!, property.IsCollectionType);
                }
            }
            else
            {
                known.Add(parameter.BindingInfo?.BinderModelName ?? parameter.Name, type.IsCollectionType);
            }
        }

        return known;
    }

    private static bool IsQuery(BindingSource? source) =>
        source is null || source == BindingSource.Query || source == BindingSource.ModelBinding;
}
