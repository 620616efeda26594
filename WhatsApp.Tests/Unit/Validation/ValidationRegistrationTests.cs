using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using WhatsApp.Api.Features.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Tests.Unit.Validation;

public sealed class ValidationRegistrationTests
{
    [Test]
    public void AddSendMessageValidation_Always_RegistersOnlyTheRootValidatorForTheRequest()
    {
        // Options as the host has them: the endpoints' validators read the Events section.
        var services = new ServiceCollection()
            .AddOptions()
            .AddSingleton(Mock.Of<ISenderDirectory>(s => s.DefaultSender == "+14155550100"))
            .AddSendMessageValidation();

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using var scope = provider.CreateScope();

        Assert.That(scope.ServiceProvider.GetServices<IValidator<SendMessageRequest>>().Select(v => v.GetType()), Is.EqualTo(new[] { typeof(SendMessageRequestValidator) }));
    }
}
