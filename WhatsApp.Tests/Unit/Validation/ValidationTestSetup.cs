using WhatsApp.Api.Validation;

namespace WhatsApp.Tests.Unit.Validation;

[SetUpFixture]
public sealed class ValidationTestSetup
{
    [OneTimeSetUp]
    public void ConfigureErrorKeys() => ValidationSetup.Configure();
}
