using WhatsApp.Domain.Common;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Domain.Services;

/// <summary>The customer service window as every new send meets it, a resend included.</summary>
public static class ServiceWindowRule
{
    /// <summary>
    /// Templates may always be sent; anything else needs the contact to have written within 24 hours. True when the
    /// window is closed and the policy only warns; under <see cref="WindowPolicy.Enforce"/> a closed window throws
    /// <see cref="WindowClosedException"/>.
    /// </summary>
    public static async Task<bool> IsOutsideAsync(
        IContactRepository contacts, SendingPolicy policy, string to, MessageType type, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(policy);
        if (type == MessageType.Template || policy.CustomerServiceWindow == WindowPolicy.Off)
        {
            return false;
        }

        var contact = await contacts.FindAsync(to, ct);
        if (CustomerServiceWindow.IsOpen(contact?.LastInboundAt, now))
        {
            return false;
        }

        return policy.CustomerServiceWindow == WindowPolicy.Warn
            ? true
            : throw new WindowClosedException(to, CustomerServiceWindow.ClosesAt(contact?.LastInboundAt));
    }
}
