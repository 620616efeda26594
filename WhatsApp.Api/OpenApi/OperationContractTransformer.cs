using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WhatsApp.Api.OpenApi;

/// <summary>
/// Per operation: the API-key security requirement and the roles that may call it (read from the authorization
/// policies themselves), and every error status it can answer with, as problem details.
/// </summary>
internal sealed class OperationContractTransformer(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var document = context.Document!;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        operation.Responses ??= [];
        QueryParameterRules.Apply(operation);

        var statuses = new List<int> { 503 };
        if (!anonymous)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(DocumentInfoTransformer.ApiKeyScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(DocumentInfoTransformer.BearerScheme, document)] = [] },
            ];
            var roles = await RolesAsync(metadata);
            operation.Description = $"{operation.Description}\n\n**Roles:** {roles}.".TrimStart();

            // Every action refuses a query parameter it does not bind, so every one can answer 400.
            statuses.AddRange([400, 401, 403, 429]);
        }

        if (operation.RequestBody is not null)
        {
            statuses.AddRange([413, 415]);
        }

        if (IsSend(description))
        {
            statuses.Add(422); // a free-form message to a contact whose window is closed (window policy Enforce)
        }

        foreach (var status in statuses)
        {
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse();
        }

        // Declared by the action (404, 409, 422) or added above: all get the problem body and an example.
        foreach (var key in operation.Responses.Keys.ToList())
        {
            if (int.TryParse(key, CultureInfo.InvariantCulture, out var status) && ProblemResponses.ByStatus.ContainsKey(status))
            {
                operation.Responses[key] = ProblemResponses.Create(status, document);
            }
        }
    }

    private static bool IsSend(ApiDescription description) =>
        description.ActionDescriptor is ControllerActionDescriptor { ActionName: "Send", ControllerName: "Messages" };

    private async Task<string> RolesAsync(IList<object> metadata)
    {
        var names = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        var roles = new List<string>();
        foreach (var name in names)
        {
            var policy = await policies.GetPolicyAsync(name);
            roles.AddRange(policy?.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles) ?? []);
        }

        return roles.Count == 0 ? "any API key" : string.Join(", ", roles.Distinct().Select(r => $"`{r}`"));
    }
}
