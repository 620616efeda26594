using System.Buffers.Binary;

namespace WhatsApp.Infrastructure.History;

/// <summary>
/// Message ids are UUID v7 minted from their creation time, so a time range is also an id range. The smallest v7 id
/// of a millisecond lets a date filter ride the same (filter, Id) index as the keyset order.
/// </summary>
internal static class UuidV7Bounds
{
    /// <summary>The smallest v7 id whose timestamp is at or after <paramref name="time"/>'s millisecond.</summary>
    public static Guid AtOrAfter(DateTimeOffset time) => AtMillisecond(time.ToUnixTimeMilliseconds());

    /// <summary>
    /// The smallest v7 id of the millisecond after <paramref name="time"/>'s: every id at or before it is below.
    /// Counted in milliseconds, so the last instant of year 9999 has an "after" too.
    /// </summary>
    public static Guid After(DateTimeOffset time) => AtMillisecond(time.ToUnixTimeMilliseconds() + 1);

    private static Guid AtMillisecond(long milliseconds)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes[..8], Math.Max(0, milliseconds) << 16);
        bytes[6] = 0x70;
        bytes[8] = 0x80;
        return new Guid(bytes, bigEndian: true);
    }
}
