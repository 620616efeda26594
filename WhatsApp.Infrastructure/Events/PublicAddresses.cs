using System.Net;
using System.Net.Sockets;

namespace WhatsApp.Infrastructure.Events;

/// <summary>
/// Which addresses an endpoint may reach: not loopback, private, link-local (the cloud metadata address among them),
/// CGNAT, unspecified or multicast ones, so a registered URL cannot be used to reach the gateway's own network.
/// </summary>
internal static class PublicAddresses
{
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC);
        }

        var b = address.GetAddressBytes();
        return !(b[0] is 0 or 10 or 127 || b[0] >= 224
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 100 && b[1] is >= 64 and <= 127));
    }

    /// <summary>
    /// Connects to the first of the host's addresses that is allowed, checking the address actually connected to (so
    /// a name that resolves to a public address once and a private one later cannot get through).
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        var allowed = addresses.Where(a => allowPrivate || IsPublic(a)).ToList();
        if (allowed.Count == 0)
        {
            throw new HttpRequestException($"The endpoint's host resolves to no public address ({string.Join(", ", addresses.Select(a => a.ToString()))}).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.Select(a => new IPEndPoint(a, endpoint.Port)).First(), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
