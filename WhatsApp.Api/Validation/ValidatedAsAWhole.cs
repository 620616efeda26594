using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace WhatsApp.Api.Validation;

/// <summary>
/// Stops MVC's validation visitor from walking into the properties of the given request types. Their FluentValidation
/// validator covers the whole request, child objects included, and they carry no DataAnnotations, so the walk found
/// nothing: it only cost time on every send (bench/README.md).
/// </summary>
internal sealed class ValidatedAsAWhole(params Type[] types) : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        if (types.Contains(context.Key.ModelType))
        {
            context.ValidationMetadata.ValidateChildren = false;
        }
    }
}
