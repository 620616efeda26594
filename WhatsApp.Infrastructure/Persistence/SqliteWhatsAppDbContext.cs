using Microsoft.EntityFrameworkCore;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>The embedded default; its migrations are in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteWhatsAppDbContext(DbContextOptions<SqliteWhatsAppDbContext> options) : WhatsAppDbContext(options);
