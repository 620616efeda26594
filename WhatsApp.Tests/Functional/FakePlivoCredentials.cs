namespace WhatsApp.Tests.Functional;

internal static class FakePlivoCredentials
{
    public const string AuthId = "MAFAKEACCOUNT0000001";
    public const string AuthToken = "fake-plivo-auth-token";
}
