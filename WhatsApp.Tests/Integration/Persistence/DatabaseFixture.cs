namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// A fresh database for each test: a SQLite file, or a PostgreSQL database when <c>WHATSAPP_TEST_POSTGRES</c> is set,
/// with its write queue running.
/// </summary>
public abstract class DatabaseFixture
{
    private TestDatabase? _database;

    internal TestDatabase Database => _database ?? throw new InvalidOperationException("The database is created in SetUp.");

    [SetUp]
    public async Task CreateDatabase()
    {
        RequireProvider();
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

    /// <summary>Ignores the test, before any database is created, where its provider is not available.</summary>
    protected virtual void RequireProvider()
    {
    }
}
