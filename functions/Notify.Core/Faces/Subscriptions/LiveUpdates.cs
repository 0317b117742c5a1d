using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Faces.Kit;
using Notify.Core.Feeds;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>
/// Server-sent events for one subscription. The stream watches the subscription row (one point read every
/// <see cref="FeedOptions.LiveCheckSeconds"/>), not an in-process signal, so it sees sends served by any instance.
/// It ends after <see cref="FeedOptions.LiveStreamSeconds"/>; the browser's EventSource reconnects by itself.
/// Events: <c>changed</c> (a notification was pushed, or mute changed) and <c>gone</c> (unsubscribed).
/// </summary>
public sealed class LiveUpdates(SubscriptionStore subscriptions, IOptions<FeedOptions> options, TimeProvider clock)
{
    public EventStreamResult Stream(SubscriptionRow subscription) => new EventStreamResult(context => RunAsync(subscription, context));

    private async Task RunAsync(SubscriptionRow subscription, HttpContext context)
    {
        var ct = context.RequestAborted;
        var check = TimeSpan.FromSeconds(options.Value.LiveCheckSeconds);
        var ends = clock.GetUtcNow().AddSeconds(options.Value.LiveStreamSeconds);
        var seen = (subscription.PushedAt, subscription.Mute);
        var stream = await new EventStream(context.Response, clock).StartAsync(TimeSpan.FromSeconds(3), ct);
        await stream.SendAsync("ready", new { }, null, ct);
        while (clock.GetUtcNow() < ends)
        {
            await Task.Delay(check, clock, ct);
            var current = await subscriptions.GetAsync(subscription.FeedId, subscription.Iuid, ct);
            if (current is null || current.Id != subscription.Id)
            {
                await stream.SendAsync("gone", new { }, null, ct);
                return;
            }
            if ((current.PushedAt, current.Mute) != seen)
            {
                seen = (current.PushedAt, current.Mute);
                await stream.SendAsync("changed", new { pushedAt = current.PushedAt, mute = current.Mute }, null, ct);
            }
            else await stream.KeepAliveIfQuietAsync(ct);
        }
    }
}
