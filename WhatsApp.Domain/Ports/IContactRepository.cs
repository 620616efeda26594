using WhatsApp.Domain.Contacts;

namespace WhatsApp.Domain.Ports;

public interface IContactRepository
{
    Task<Contact?> FindAsync(string number, CancellationToken ct);
}
