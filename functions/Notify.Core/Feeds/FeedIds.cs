using System.Security.Cryptography;

namespace Notify.Core.Feeds;

/// <summary>
/// Feed, subscription, subscriber and notification ids are 24 hex characters, as the seed's clients expect
/// (they validate channel ids that way), and random, so knowing one id reveals no other.
/// </summary>
public static class FeedIds
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static bool IsValid(string? value) => value is { Length: 24 } && value.All(char.IsAsciiHexDigit);

    /// <summary>Ids are stored lowercase; a client may send them in either case.</summary>
    public static string Normalize(string value) => value.ToLowerInvariant();
}
