using Notify.Core.Storage;

namespace Notify.Core.Feeds;

/// <summary>Every key of the feed tables.</summary>
public static class FeedKeys
{
    /// <summary>A feed's subscriptions are spread over this many partitions, read one after another when listed.</summary>
    public const int SubscriptionBuckets = 16;

    public static string AppFeeds(string appId) => $"{appId}|feeds";

    public static string SubscriptionPartition(string feedId, int bucket) => $"{feedId}|{bucket:D2}";

    public static string SubscriptionPartition(string feedId, string iuid) =>
        SubscriptionPartition(feedId, TableKeys.BucketOf(iuid, SubscriptionBuckets));

    public static string Subscription(string iuid) => TableKeys.Encode(iuid);

    public const string SubscriberRow = "subscriber";

    public static string Grant(string subscriptionId) => $"s|{subscriptionId}";

    public const string GrantPrefix = "s|";
    public const string GrantEnd = "s}";
}
