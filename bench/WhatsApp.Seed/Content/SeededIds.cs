namespace WhatsApp.Seed.Content;

/// <summary>
/// Ids drawn from the seeded generator, so one seed always gives the same database. <see cref="Version7"/> has the
/// layout of <see cref="Guid.CreateVersion7(DateTimeOffset)"/> (48-bit Unix milliseconds, version 7, RFC variant).
/// </summary>
internal static class SeededIds
{
    public static Guid Version7(long unixMs, Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(unixMs >> (8 * (5 - i)));
        }

        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A random (version 4) UUID, as Plivo's message uuids are.</summary>
    public static Guid Version4(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static string Hex(Random random, int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
