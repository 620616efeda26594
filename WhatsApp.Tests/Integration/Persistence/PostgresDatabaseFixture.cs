using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// A fresh PostgreSQL database for each test, for behaviour only PostgreSQL has (several instances on one database);
/// the tests are ignored when no server is configured.
/// </summary>
public abstract class PostgresDatabaseFixture
{
    private TestDatabase? _database;

    internal TestDatabase Database => _database ?? throw new InvalidOperationException("The database is created in SetUp.");

    [SetUp]
    public async Task CreateDatabase()
    {
        if (!TestPostgres.Enabled)
        {
            Assert.Ignore($"Needs PostgreSQL: set {TestPostgres.ServerVariable} (./test.sh does).");
        }

        _database = await TestDatabase.CreateAsync();
    }

    [TearDown]
    public async Task DropDatabase()
    {
        if (_database is { } database)
        {
            _database = null;
            await database.DisposeAsync();
        }
    }
}
