using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> run against this project alone.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WhatsAppDbContext>
{
    public WhatsAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WhatsAppDbContext>().UseSqlite("Data Source=design.db").Options);
}
