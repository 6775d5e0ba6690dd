using System.Buffers.Binary;

namespace UmbracoPersonalization.Core.Events;

/// <summary>Ids for the events the package records itself: time-ordered (UUID version 7) without a system call.</summary>
/// <remarks>
/// <see cref="Guid.CreateVersion7(DateTimeOffset)"/> asks the operating system for cryptographically secure bytes on every
/// call (a <c>getrandom</c> system call on Linux, about 2 µs of a page request under load). An event id is an
/// idempotency key, not a secret, so the 74 random bits come from <see cref="Random.Shared"/> (seeded by the system,
/// thread-safe) instead; the layout is the same RFC 9562 version 7, so ids still sort by time in the database.
/// </remarks>
public static class EventIds
{
    /// <summary>A new version 7 id whose 48-bit time prefix is <paramref name="timestamp"/> in Unix milliseconds.</summary>
    /// <param name="timestamp">When the event happened (at or after the Unix epoch).</param>
    /// <returns>The id.</returns>
    public static Guid NewVersion7(DateTimeOffset timestamp)
    {
        var milliseconds = timestamp.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(timestamp));
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes[..8], (milliseconds << 16) | BinaryPrimitives.ReadUInt16BigEndian(bytes[6..8]));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
