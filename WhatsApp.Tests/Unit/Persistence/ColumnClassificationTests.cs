using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Tests.Unit.Persistence;

/// <summary>
/// Every column is a decision: erased or kept (with the reason) by a contact's erasure and retention, and exported or
/// not (with the reason) by the CSV export, so a new column can be neither left in an erased row nor left out of the
/// export by accident.
/// </summary>
public sealed class ColumnClassificationTests
{
    [TestCase("Sqlite")]
    [TestCase("Postgres")]
    public void Erasure_EveryColumnOfTheModel_IsErasedOrKeptWithAReason(string provider) =>
        Assert.That(ColumnClassification.ErasureProblems(Model(provider)), Is.Empty);

    [Test]
    public void Export_EveryMessagesColumn_IsExportedOrNotWithAReason() =>
        Assert.That(ColumnClassification.ExportProblems(Model("Sqlite")), Is.Empty);

    [Test]
    public void Classification_ModelWithNewColumns_NamesEachOne()
    {
        using var db = new WithNewColumns(new DbContextOptionsBuilder<WithNewColumns>().UseSqlite("Data Source=:memory:").Options);

        Assert.Multiple(() =>
        {
            Assert.That(ColumnClassification.ErasureProblems(db.Model), Is.EquivalentTo(new[]
            {
                "Messages.Nickname: neither erased nor kept",
                "Contacts.ProfileName: neither erased nor kept",
            }));
            Assert.That(ColumnClassification.ExportProblems(db.Model), Is.EqualTo(new[] { "Messages.Nickname: neither exported nor not exported" }));
        });
    }

    private static IModel Model(string provider)
    {
        using DbContext db = provider == "Postgres"
            ? new PostgresWhatsAppDbContext(new DbContextOptionsBuilder<PostgresWhatsAppDbContext>().UseNpgsql("Host=unused").Options)
            : new SqliteWhatsAppDbContext(new DbContextOptionsBuilder<SqliteWhatsAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model;
    }

    /// <summary>The model as it would be after someone adds a column without classifying it.</summary>
    private sealed class WithNewColumns(DbContextOptions options) : WhatsAppDbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            base.OnModelCreating(modelBuilder);
            modelBuilder.Entity<Message>().Property<string?>("Nickname");
            modelBuilder.Entity<Contact>().Property<string?>("ProfileName");
        }
    }
}
