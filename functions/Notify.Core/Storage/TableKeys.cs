using System.Security.Cryptography;
using System.Text;

namespace Notify.Core.Storage;

/// <summary>
/// Builds every PartitionKey and RowKey. Caller strings are escaped because Table keys forbid
/// <c>/ \ # ?</c> and control characters, and <c>|</c> separates key parts.
/// </summary>
public static class TableKeys
{
    private const int MaxEncodedLength = 400;

    public static string App(string appId) => appId;

    public static string User(string appId, string userId) => $"{appId}|{Encode(userId)}";

    public static string Send(string appId, string sendId) => $"{appId}|{sendId}";

    public static string NotificationIndex(string appId, long notificationId) => $"{appId}|{notificationId % 16:x}";

    /// <summary>Row keys of inbox items sort newest first: inverted creation ticks, then the id.</summary>
    public static string InboxItem(DateTimeOffset createdAt, long notificationId) =>
        $"n|{DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks:D19}|{notificationId:D16}";

    public const string InboxItemPrefix = "n|";
    public const string InboxItemEnd = "n}";

    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '|' or '%' || char.IsControl(c))
                builder.Append('%').Append(((int)c).ToString("X2"));
            else
                builder.Append(c);
        }
        // Azurite caps keys at 512 characters; very long escaped ids fall back to a digest.
        return builder.Length <= MaxEncodedLength ? builder.ToString() : "~" + Digest(value);
    }

    private static string Digest(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
