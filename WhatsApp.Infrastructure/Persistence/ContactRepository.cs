using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Persistence;

internal sealed class ContactRepository(IDbContextFactory<WhatsAppDbContext> contexts) : IContactRepository
{
    public async Task<Contact?> FindAsync(string number, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number, ct);
    }
}
