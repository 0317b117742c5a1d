using Notify.Core.Storage;

namespace Notify.Core.Feeds.Callbacks;

/// <summary>Queues subscription callbacks; the receiver is called later, so a failing one never holds a subscription up.</summary>
public sealed class FeedCallbacks(NotifyStorage storage, TimeProvider clock)
{
    public Task QueueAsync(FeedRow feed, SubscriptionRow subscription, string type, CancellationToken ct)
    {
        if (feed.CallbackUrl is null) return Task.CompletedTask;
        var message = new FeedCallbackMessage(
            $"{subscription.Id}.{type}", feed.Id, type, subscription.Iuid, clock.GetUtcNow().ToUnixTimeSeconds(), 1);
        return storage.EnqueueAsync(QueueNames.FeedCallbacks, message, null, ct);
    }
}
