using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Tests.Unit.Persistence;

[TestFixture]
public sealed class DatabaseOptionsTests
{
    [TestCase(null, DatabaseProvider.Sqlite)]
    [TestCase("", DatabaseProvider.Sqlite)]
    [TestCase("Sqlite", DatabaseProvider.Sqlite)]
    [TestCase("postgres", DatabaseProvider.Postgres)]
    [TestCase("Postgres", DatabaseProvider.Postgres)]
    public void Read_KnownProvider_ChoosesIt(string? provider, DatabaseProvider expected)
    {
        var options = DatabaseOptions.Read(Configuration(provider, "Host=127.0.0.1;Database=whatsapp"));

        Assert.That(options.Provider, Is.EqualTo(expected));
    }

    [TestCase("MySql")]
    [TestCase("2")]
    public void Read_UnknownProvider_FailsNamingTheKey(string provider)
    {
        var error = Assert.Throws<OptionsValidationException>(() => DatabaseOptions.Read(Configuration(provider, null)));

        Assert.That(error!.Message, Does.Contain("Database:Provider").And.Contain(provider));
    }

    [Test]
    public void Read_PostgresWithoutConnectionString_FailsNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => DatabaseOptions.Read(Configuration("Postgres", null)));

        Assert.That(error!.Message, Does.Contain("ConnectionStrings:WhatsApp"));
    }

    [Test]
    public void Read_SqliteWithoutConnectionString_UsesTheDefaultFile()
    {
        Assert.That(DatabaseOptions.Read(Configuration(null, null)).Provider, Is.EqualTo(DatabaseProvider.Sqlite));
    }

    private static IConfiguration Configuration(string? provider, string? connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:WhatsApp"] = connectionString,
        }).Build();
}
