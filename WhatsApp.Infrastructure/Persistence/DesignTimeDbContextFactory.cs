using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteWhatsAppDbContext</c> run against this project alone.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteWhatsAppDbContext>
{
    public SqliteWhatsAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWhatsAppDbContext>().UseSqlite("Data Source=design.db").Options);
}
