using Notify.Core.Feeds;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>A subscription as its subscriber sees it; the app's internal user id stays hidden.</summary>
public sealed record SubscriberSubscriptionView(
    string Id, string FeedId, string FeedName, bool Mute, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PushedAt)
{
    public static SubscriberSubscriptionView From(FeedRow feed, SubscriptionRow s) =>
        new(s.Id, feed.Id, feed.Name, s.Mute, s.CreatedAt, s.UpdatedAt, s.PushedAt);
}

/// <summary>What a code offers before it is claimed.</summary>
public sealed record CodePreview(FeedSummary Feed, DateTimeOffset ExpiresAt);

public sealed record FeedSummary(string Id, string Name);

/// <summary>A claimed code: the new subscription, and the subscriber credential when this claim created one (else null).</summary>
public sealed record ClaimAnswer(SubscriberSubscriptionView Subscription, string? Credential);

/// <summary>A page of a subscription's notifications, newest first; <c>next</c> continues it (null at the end).</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, string? Next);
