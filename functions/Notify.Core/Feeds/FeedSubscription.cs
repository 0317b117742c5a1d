using Notify.Core.Storage;

namespace Notify.Core.Feeds;

/// <summary>
/// One app user (iuid) subscribed to one feed. Partitioned by feed and a hash bucket of the iuid, so a feed with a
/// large audience spreads over <see cref="TableKeys.Feeds.SubscriptionBuckets"/> partitions.
/// </summary>
public sealed class SubscriptionRow : TableRow
{
    public string Id { get; set; } = "";
    public string FeedId { get; set; } = "";
    public string AppId { get; set; } = "";
    public string Iuid { get; set; } = "";

    /// <summary>The subscriber (a browser) that first claimed a code for this subscription.</summary>
    public string SubscriberId { get; set; } = "";

    public bool Mute { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When a notification was last pushed (muted subscriptions get none); open pages watch it.</summary>
    public DateTimeOffset? PushedAt { get; set; }
}
