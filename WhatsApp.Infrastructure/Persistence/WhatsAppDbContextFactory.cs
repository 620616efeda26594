using Microsoft.EntityFrameworkCore;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>Hands out the configured provider's context as the shared <see cref="WhatsAppDbContext"/>.</summary>
internal sealed class WhatsAppDbContextFactory<TContext>(IDbContextFactory<TContext> contexts) : IDbContextFactory<WhatsAppDbContext>
    where TContext : WhatsAppDbContext
{
    public WhatsAppDbContext CreateDbContext() => contexts.CreateDbContext();

    public async Task<WhatsAppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await contexts.CreateDbContextAsync(cancellationToken);
}
