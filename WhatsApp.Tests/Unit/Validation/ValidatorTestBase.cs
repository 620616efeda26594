using FluentValidation.Results;
using Moq;
using WhatsApp.Api.Features.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Tests.Unit.Validation;

/// <summary>Runs the root validator, as the API does, against a sender directory with two numbers.</summary>
public abstract class ValidatorTestBase
{
    protected const string DefaultSender = "+14155550100";
    protected const string SecondSender = "+14155550101";

    protected static SendMessageRequestValidator CreateValidator()
    {
        var senders = new Mock<ISenderDirectory>();
        senders.SetupGet(s => s.DefaultSender).Returns(DefaultSender);
        senders.Setup(s => s.IsConfigured(It.IsAny<string>())).Returns((string number) => number is DefaultSender or SecondSender);
        return new SendMessageRequestValidator(senders.Object);
    }

    protected static ValidationResult Validate(SendMessageRequest request) => CreateValidator().Validate(request);

    protected static string[] ErrorKeys(SendMessageRequest request) =>
        [.. Validate(request).Errors.Select(e => e.PropertyName).Distinct()];

    protected static void AssertValid(SendMessageRequest request) =>
        Assert.That(Validate(request).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"), Is.Empty);

    /// <summary>The request fails under exactly these keys and no others.</summary>
    protected static void AssertErrorKeys(SendMessageRequest request, params string[] keys) =>
        Assert.That(ErrorKeys(request), Is.EquivalentTo(keys));
}
