using System.Security.Cryptography;
using System.Text;

namespace Notify.Core.Channels;

/// <summary>
/// Provider-facing identifiers derived from a delivery id. They are pure functions of the id so that a
/// redelivered queue message reuses them and providers can de-duplicate the second attempt.
/// </summary>
public static class DeliveryKeys
{
    /// <summary>A version-8 style UUID (RFC 9562) built from the SHA-256 of the delivery id.</summary>
    public static Guid Uuid(string deliveryId)
    {
        Span<byte> bytes = stackalloc byte[16];
        SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId))[..16].CopyTo(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A short token safe for headers and Message-Id local parts (lowercase hex, 32 chars).</summary>
    public static string Token(string deliveryId) => Uuid(deliveryId).ToString("N");
}
