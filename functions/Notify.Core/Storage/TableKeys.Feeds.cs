namespace Notify.Core.Storage;

public static partial class TableKeys
{
    /// <summary>Keys of the feed tables: <c>feeds</c>, <c>feedsubscriptions</c>, <c>feedcodes</c>, <c>subscribers</c>, <c>feedcallbacks</c>.</summary>
    public static class Feeds
    {
        /// <summary>A feed's own row, in the partition of its id.</summary>
        public const string Feed = "feed";

        public static string AppFeeds(string appId) => $"{appId}|feeds";

        /// <summary>A feed's subscriptions are spread over this many partitions, read one after another when listed.</summary>
        public const int SubscriptionBuckets = 16;

        public static string SubscriptionPartition(string feedId, int bucket) => $"{feedId}|{bucket:D2}";

        public static string SubscriptionPartition(string feedId, string iuid) => SubscriptionPartition(feedId, BucketOf(iuid, SubscriptionBuckets));

        public static string Subscription(string iuid) => Encode(iuid);

        /// <summary>A subscription code's row, in the partition of the code.</summary>
        public const string Code = "code";

        public const string SubscriberRow = "subscriber";

        public static string Grant(string subscriptionId) => $"{GrantPrefix}{subscriptionId}";

        public const string GrantPrefix = "s|";
        public const string GrantEnd = "s}";

        /// <summary>A callback event delivered or given up, in the partition of the event id.</summary>
        public const string CallbackSettled = "settled";

        public static string CallbackRetry(int attempt) => $"retry|{attempt:D3}";
    }
}
