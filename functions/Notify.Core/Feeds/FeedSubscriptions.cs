using System.Runtime.CompilerServices;
using Notify.Core.Feeds.Callbacks;

namespace Notify.Core.Feeds;

public enum ClaimState { Subscribed, Unknown, Expired, Used }

/// <summary>The outcome of claiming a code. <see cref="NewCredential"/> is set when the claim made a new subscriber.</summary>
public sealed record ClaimResult(ClaimState State, FeedRow? Feed = null, SubscriptionRow? Subscription = null, SubscriberCredential? NewCredential = null);

/// <summary>A subscription a subscriber holds, with its feed.</summary>
public sealed record HeldSubscription(GrantRow Grant, FeedRow Feed, SubscriptionRow Subscription);

/// <summary>The subscriber's side of feeds: claiming codes, reaching held subscriptions, unsubscribing.</summary>
public sealed class FeedSubscriptions(
    FeedStore feeds, SubscriptionCodes codes, SubscriptionStore subscriptions, Subscribers subscribers, FeedCallbacks callbacks)
{
    /// <summary>
    /// Claims the code for <paramref name="subscriberId"/> (null: a new subscriber is made). The same (feed, iuid)
    /// claimed again, by anyone holding a fresh code, yields the one subscription that exists.
    /// </summary>
    public async Task<ClaimResult> ClaimAsync(string code, string? subscriberId, CancellationToken ct)
    {
        var (row, state) = await codes.ReadAsync(code, subscriberId, ct);
        if (state != CodeState.Valid) return new ClaimResult(Claim(state));
        var feed = await feeds.GetAsync(row!.FeedId, ct);
        if (feed is null) return new ClaimResult(ClaimState.Unknown);
        var credential = subscriberId is null ? await subscribers.CreateAsync(ct) : null;
        var claimant = subscriberId ?? credential!.SubscriberId;
        var repeated = row.ClaimedBy == claimant;
        if (!await codes.ClaimAsync(row, claimant, ct)) return new ClaimResult(ClaimState.Used);
        var (subscription, created) = await subscriptions.AddAsync(feed, row.Iuid, claimant, ct);
        await subscribers.GrantAsync(claimant, subscription, ct);
        // A repeated claim may follow a request that stopped before queueing; the callback's event id de-duplicates it.
        if (created || repeated) await callbacks.QueueAsync(feed, subscription, FeedCallbackTypes.Subscription, ct);
        return new ClaimResult(ClaimState.Subscribed, feed, subscription, credential);
    }

    /// <summary>The subscription if the subscriber holds it and it still exists; a stale grant is dropped.</summary>
    public async Task<HeldSubscription?> FindAsync(string subscriberId, string subscriptionId, CancellationToken ct)
    {
        var grant = await subscribers.FindGrantAsync(subscriberId, subscriptionId, ct);
        return grant is null ? null : await ResolveAsync(grant, ct);
    }

    public async IAsyncEnumerable<HeldSubscription> ListAsync(string subscriberId, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var grant in subscribers.ListGrantsAsync(subscriberId, ct))
            if (await ResolveAsync(grant, ct) is { } held) yield return held;
    }

    /// <summary>Removes the subscription and tells the feed's callback; every holder loses it.</summary>
    public async Task UnsubscribeAsync(HeldSubscription held, CancellationToken ct)
    {
        var (grant, feed, subscription) = held;
        if (await subscriptions.DeleteAsync(feed.Id, subscription.Iuid, subscription.Id, ct))
            await callbacks.QueueAsync(feed, subscription, FeedCallbackTypes.Unsubscription, ct);
        await subscribers.RevokeAsync(grant, ct);
    }

    private async Task<HeldSubscription?> ResolveAsync(GrantRow grant, CancellationToken ct)
    {
        var feed = await feeds.GetAsync(grant.FeedId, ct);
        var subscription = feed is null ? null : await subscriptions.GetAsync(feed.Id, grant.Iuid, ct);
        if (feed is not null && subscription?.Id == grant.SubscriptionId) return new HeldSubscription(grant, feed, subscription);
        await subscribers.RevokeAsync(grant, ct);
        return null;
    }

    private static ClaimState Claim(CodeState state) => state switch
    {
        CodeState.Expired => ClaimState.Expired,
        CodeState.Used => ClaimState.Used,
        _ => ClaimState.Unknown,
    };
}
