using FluentValidation;
using WhatsApp.Api.Validation;

namespace WhatsApp.Api.Features.Messages;

public static class ValidationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SendMessageRequestValidator"/> as the one <see cref="IValidator{T}"/> of
    /// <see cref="SendMessageRequest"/>, and sets the snake_case error keys (<see cref="ValidationSetup.Configure"/>).
    /// The per-type validators are only included by it: registered too, they would compete for the same service.
    /// Needs an <c>ISenderDirectory</c> in the container. Singletons: building a validator compiles an expression
    /// tree per rule, which per request cost more than the whole database write.
    /// </summary>
    public static IServiceCollection AddSendMessageValidation(this IServiceCollection services)
    {
        ValidationSetup.Configure();
        return services.AddValidatorsFromAssemblyContaining<SendMessageRequestValidator>(
            ServiceLifetime.Singleton,
            scan => scan.InterfaceType != typeof(IValidator<SendMessageRequest>)
                || scan.ValidatorType == typeof(SendMessageRequestValidator));
    }
}
