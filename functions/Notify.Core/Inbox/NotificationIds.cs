using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Notify.Core.Storage;

namespace Notify.Core.Inbox;

/// <summary>
/// Inbox item ids are integers (clients parse them as JavaScript numbers, so at most 2^53−1) and
/// derive from (app, send, user): a redone delivery computes the same id and cannot add a second item.
/// The low bits are a bucket, which picks the id-index partition: the user's (<see cref="TableKeys.UserBucket"/>),
/// so a chunk of recipients sorted by bucket writes its index rows in a few transactions spread over many
/// partitions, or one bucket shared by the one-recipient sends of a commit group (see <c>SendRow.ItemIdBucket</c>),
/// so the group's index rows are one transaction.
/// </summary>
public static class NotificationIds
{
    private const long MaxSafeInteger = (1L << 53) - 1;

    public static long For(string appId, string sendId, string userId) => For(appId, sendId, userId, TableKeys.UserBucket(userId));

    public static long For(string appId, string sendId, string userId, int bucket)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{appId}\n{sendId}\n{userId}"));
        var high = (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) & MaxSafeInteger) / TableKeys.UserBuckets * TableKeys.UserBuckets;
        var id = high + bucket;
        return id == 0 ? TableKeys.UserBuckets : id;
    }

    public static bool TryParse(string? text, out long id) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id)
        && id is > 0 and <= MaxSafeInteger;
}
