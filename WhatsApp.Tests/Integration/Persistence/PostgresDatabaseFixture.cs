using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// A fresh PostgreSQL database for each test, for behaviour only PostgreSQL has (several instances on one database);
/// the tests are ignored when no server is configured.
/// </summary>
public abstract class PostgresDatabaseFixture : DatabaseFixture
{
    protected override void RequireProvider()
    {
        if (!TestPostgres.Enabled)
        {
            Assert.Ignore($"Needs PostgreSQL: set {TestPostgres.ServerVariable} (./test.sh does).");
        }
    }
}
