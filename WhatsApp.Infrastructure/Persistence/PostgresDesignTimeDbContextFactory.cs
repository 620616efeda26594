using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context PostgresWhatsAppDbContext</c> run without a server.</summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresWhatsAppDbContext>
{
    public PostgresWhatsAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWhatsAppDbContext>().UseNpgsql("Host=localhost;Database=whatsapp_design").Options);
}
