using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Notify.Core.Channels.Webhooks;

/// <summary>
/// Standard Webhooks signatures: <c>v1,</c> + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), where the key is
/// the base64-decoded part of the secret after <c>whsec_</c>.
/// </summary>
public static class StandardWebhookSigner
{
    public const string SecretPrefix = "whsec_";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>A new endpoint secret: <c>whsec_</c> + base64 of 32 random bytes.</summary>
    public static string GenerateSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> header value for one message.</summary>
    public static string Sign(string secret, string id, long timestamp, string body) =>
        "v1," + Convert.ToBase64String(Hash(Key(secret), id, timestamp.ToString(CultureInfo.InvariantCulture), body));

    /// <summary>
    /// True when one of the space-separated <c>v1,</c> signatures matches and the timestamp is within
    /// <paramref name="tolerance"/> of <paramref name="now"/> (replay protection).
    /// </summary>
    public static bool Verify(
        string secret, string id, string timestamp, string body, string signatureHeader, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > (tolerance ?? DefaultTolerance).TotalSeconds)
        {
            return false;
        }

        var expected = Hash(Key(secret), id, timestamp, body);
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(candidate => candidate.StartsWith("v1,", StringComparison.Ordinal))
            .Any(candidate => Matches(expected, candidate[3..]));
    }

    private static bool Matches(byte[] expected, string base64)
    {
        var actual = new byte[base64.Length * 3 / 4];
        return Convert.TryFromBase64String(base64, actual, out var length)
            && CryptographicOperations.FixedTimeEquals(expected, actual.AsSpan(0, length));
    }

    private static byte[] Key(string secret) =>
        Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);

    private static byte[] Hash(byte[] key, string id, string timestamp, string body) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
}
