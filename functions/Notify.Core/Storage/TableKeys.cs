using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Notify.Core.Storage;

/// <summary>
/// Builds every PartitionKey and RowKey. Caller strings are escaped because Table keys forbid
/// <c>/ \ # ?</c> and control characters, and <c>|</c> separates key parts.
/// </summary>
public static partial class TableKeys
{
    private const int MaxEncodedLength = 400;

    public static string App(string appId) => appId;

    public static string User(string appId, string userId) => $"{appId}|{Encode(userId)}";

    /// <summary>
    /// Sends accepted together share one partition, so their rows commit in one transaction: a send id is
    /// its commit group's id with the send's two-hex-digit place in the group at the end.
    /// </summary>
    public static string Send(string appId, string sendId) => $"{appId}|{SendGroup(sendId)}";

    /// <summary>Ids a caller chose (a batch message's) are not grouped: each is its own partition.</summary>
    private static string SendGroup(string sendId) => Guid.TryParse(sendId, out _) ? sendId[..^2] : sendId;

    /// <summary>
    /// Users are spread over this many buckets for everything written once per recipient outside the
    /// user's own partition (id index, delivery records), so no partition takes more than 1/128 of a send.
    /// </summary>
    public const int UserBuckets = 128;

    public static int UserBucket(string userId) => BucketOf(userId, UserBuckets);

    /// <summary>A send's delivery records, one partition per user bucket; the send's partitions form one key range.</summary>
    public static string Deliveries(string appId, string sendId, string userId) => $"{DeliveriesOf(appId, sendId)}{UserBucket(userId):x2}";

    public static string DeliveriesOf(string appId, string sendId) => $"{appId}|{sendId}|";

    public static string DeliveriesEnd(string appId, string sendId) => $"{appId}|{sendId}}}";

    /// <summary>Rate budgets and waiting deliveries share this partition scheme: one per app and channel.</summary>
    public static string AppChannel(string appId, string channel) => $"{appId}|{channel}";

    public static string RateBudget(string appId, string channel) => AppChannel(appId, channel);

    /// <summary>Waiting deliveries sort by when they may go: due ones are a prefix of the partition.</summary>
    public static string Waiting(DateTimeOffset notBefore, string sendId, string userId) =>
        $"{notBefore.UtcTicks:D19}|{sendId}|{Encode(userId)}";

    /// <summary>An app's templates share one small partition.</summary>
    public static string Templates(string appId) => appId;

    public static string Template(string identifier) => Encode(identifier);

    /// <summary>An item id carries its user's bucket in its low bits (<see cref="Inbox.NotificationIds"/>), so the index row lands in that bucket.</summary>
    public static string NotificationIndex(string appId, long notificationId) => $"{appId}|{notificationId % UserBuckets:x2}";

    public static string NotificationIndexRow(long notificationId) => $"{notificationId:D16}";

    /// <summary>An item's id row in the user's partition; it outlives the item as a tombstone.</summary>
    public static string InboxId(long notificationId) => $"{InboxIdPrefix}{notificationId:D16}";

    public const string InboxIdPrefix = "i|";

    public static long ParseInboxId(string rowKey) => long.Parse(rowKey.AsSpan(InboxIdPrefix.Length), CultureInfo.InvariantCulture);

    /// <summary>A live stream ticket in the user's partition, keyed by the ticket's SHA-256 (the ticket itself is never stored).</summary>
    public static string StreamTicket(string ticketHash) => $"{StreamTicketPrefix}{ticketHash}";

    public const string StreamTicketPrefix = "st|";
    public const string StreamTicketEnd = "st}";

    /// <summary>The reverse of a topic membership, in the user's partition, so a user's topics are one range read.</summary>
    public static string TopicSubscription(int topicId) => $"{TopicSubscriptionPrefix}{topicId:D10}";

    public const string TopicSubscriptionPrefix = "s|";
    public const string TopicSubscriptionEnd = "s}";

    public static int ParseTopicSubscription(string rowKey) => int.Parse(rowKey.AsSpan(TopicSubscriptionPrefix.Length), CultureInfo.InvariantCulture);

    /// <summary>Row keys of inbox items sort newest first: inverted creation ticks, then the id.</summary>
    public static string InboxItem(DateTimeOffset createdAt, long notificationId) =>
        $"n|{DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks:D19}|{notificationId:D16}";

    public const string InboxItemPrefix = "n|";
    public const string InboxItemEnd = "n}";

    /// <summary>A category's items, in the same order as the inbox: the item row key behind the category.</summary>
    public static string InboxCategoryItem(string category, string itemRowKey) => $"{InboxCategoryPrefix(category)}{itemRowKey[InboxItemPrefix.Length..]}";

    public static string InboxCategoryPrefix(string category) => $"g|{Encode(category)}|";

    public static string InboxCategoryEnd(string category) => $"g|{Encode(category)}}}";

    public static string InboxItemOfCategoryRow(string categoryRowKey) => InboxItemPrefix + categoryRowKey[(categoryRowKey.IndexOf('|', 2) + 1)..];

    /// <summary>The folded inbox counters; their unfolded changes sort right after them (<see cref="InboxCountChange"/>).</summary>
    public const string InboxCounts = "c";

    public static string InboxCountChange(string unique) => $"c|{unique}";

    public const string InboxCountsEnd = "c}";
    /// <summary>Addresses compare without case, as mail systems do for the domain and nearly all do for the local part.</summary>
    public static string Email(string appId, string email) => $"{appId}|{Encode(email.ToLowerInvariant())}";

    /// <summary>An app's requests, newest first: inverted creation ticks, then the request id.</summary>
    public static string Request(DateTimeOffset createdAt, string requestId) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks:D19}|{requestId}";

    public static string Categories(string appId) => $"{appId}|categories";

    public static string Topics(string appId) => $"{appId}|topics";

    /// <summary>Members of a topic are spread over buckets so a fan-out reads them in parallel and no partition runs hot.</summary>
    public static string TopicBucket(string appId, int topicId, int bucket) => $"{appId}|{topicId}|{bucket:D2}";

    /// <summary>A stable bucket for a user: the same on every host and every run.</summary>
    public static int BucketOf(string userId, int buckets) =>
        (int)(BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(userId))) % (uint)buckets);

    /// <summary>Identifier and key are digested together: both are caller strings of any length.</summary>
    public static string Workflow(string appId, string identifier, string cancellationKey) =>
        $"{appId}|{Digest(identifier + "\n" + cancellationKey)}";

    /// <summary>Schedules are partitioned by the day they are released, so no partition serves every app.</summary>
    public static string ScheduleDay(DateTimeOffset releaseAt) => releaseAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Starts with the release time, so "everything due by now" is one row-key range in every partition.</summary>
    public static string Schedule(DateTimeOffset releaseAt, string appId, string sendId) => $"{releaseAt.UtcTicks:D19}|{appId}|{sendId}";

    public static string ScheduleDueBy(DateTimeOffset now) => $"{now.UtcTicks:D19}|~";

    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '|' or '%' or '~' || char.IsControl(c))
                builder.Append('%').Append(((int)c).ToString("X2"));
            else
                builder.Append(c);
        }
        // Azurite caps keys at 512 characters; very long escaped ids fall back to a digest.
        return builder.Length <= MaxEncodedLength ? builder.ToString() : "~" + Digest(value);
    }

    public static string Digest(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
