using System.Net;
using System.Net.Sockets;

namespace WhatsApp.Api.Validation;

/// <summary>
/// Whether a URL we hand to Plivo (and so to WhatsApp's fetchers) points at the public internet as far as its text
/// shows: no credentials (<c>user:pass@</c>), and no literal loopback, private (RFC 1918, 100.64/10, fc00::/7),
/// link-local, unspecified, multicast or broadcast address, nor an IPv4-mapped or NAT64 form of one, nor a
/// <c>localhost</c> name. Names are not resolved: a DNS lookup at validation would be slow, and its answer could change
/// before the URL is fetched.
/// </summary>
internal static class PublicUrl
{
    public static bool IsPublic(Uri uri) => !HasUserInfo(uri) && IsPublicHost(uri);

    // Uri drops an empty user part ("https://@host/"), so the authority's own text is checked as well.
    private static bool HasUserInfo(Uri uri)
    {
        if (uri.UserInfo.Length > 0)
        {
            return true;
        }

        var text = uri.OriginalString;
        var start = text.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = text.IndexOfAny(['/', '\\', '?', '#'], start);
        return text.AsSpan(start, (end < 0 ? text.Length : end) - start).Contains('@');
    }

    private static bool IsPublicHost(Uri uri)
    {
        // Uri has already turned the other spellings of an IPv4 address (2130706433, 0x7f.1) into dotted decimal.
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            return IPAddress.TryParse(uri.DnsSafeHost, out var address) && IsPublicAddress(address);
        }

        var host = uri.IdnHost.TrimEnd('.');
        return host.Length > 0
            && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            && !host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsPublicAddress(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6 || IsIPv4Compatible(address) || IsNat64(address))
            {
                return IsPublicIPv4(address.GetAddressBytes()[12..]);
            }

            return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6Multicast
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal);
        }

        return IsPublicIPv4(address.GetAddressBytes());
    }

    // ::a.b.c.d, deprecated but still parsed; ::1 and :: are not among them (they are the loopback and unspecified).
    private static bool IsIPv4Compatible(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && (bytes[12] | bytes[13]) != 0;
    }

    // 64:ff9b::a.b.c.d (RFC 6052): a NAT64 gateway turns it into a.b.c.d on its own network.
    private static bool IsNat64(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return bytes is [0x00, 0x64, 0xff, 0x9b, ..] && bytes.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
    }

    private static bool IsPublicIPv4(byte[] a) => a[0] switch
    {
        0 => false,                           // 0.0.0.0/8, "this network", including the unspecified address
        10 => false,                          // RFC 1918
        100 => a[1] is < 64 or > 127,         // 100.64/10, shared address space (carrier-grade NAT, RFC 6598)
        127 => false,                         // loopback
        169 => a[1] != 254,                   // link-local
        172 => a[1] is < 16 or > 31,          // RFC 1918
        192 => a[1] != 168,                   // RFC 1918
        >= 224 => false,                      // multicast 224/4, reserved 240/4 and the broadcast address
        _ => true,
    };
}
