using Notify.Core.Feeds;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>A subscription as its subscriber sees it; the app's internal user id stays hidden.</summary>
public sealed record SubscriberSubscriptionView(
    string Id, string FeedId, string FeedName, bool Mute, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PushedAt)
{
    public static SubscriberSubscriptionView From(FeedRow feed, SubscriptionRow s) =>
        new(s.Id, feed.Id, feed.Name, s.Mute, s.CreatedAt, s.UpdatedAt, s.PushedAt);
}
