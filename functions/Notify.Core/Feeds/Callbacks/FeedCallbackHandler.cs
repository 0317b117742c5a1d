using System.Text.Json;
using Microsoft.Extensions.Logging;
using Notify.Core.Channels;
using Notify.Core.Channels.Webhooks;
using Notify.Core.Storage;

namespace Notify.Core.Feeds.Callbacks;

/// <summary>
/// Calls a feed's callback URL with the seed's body, its <c>Authorization: Basic</c> credential and a Standard
/// Webhooks signature. A failed call is queued again after an exponential, jittered wait (the webhook schedule:
/// seconds up to hours, honouring Retry-After); after the last attempt, or on a 410 or an unusable URL, the
/// message lands on <c>feedcallbacks-poison</c> as it is, and the error on the event's row in <c>feedcallbacks</c>.
/// </summary>
public sealed class FeedCallbackHandler(
    FeedStore feeds, FeedCallbackLog log, WebhookSender sender, NotifyStorage storage, ILogger<FeedCallbackHandler> logger)
    : IQueueHandler<FeedCallbackMessage>
{
    private static readonly TimeSpan QueueReach = TimeSpan.FromDays(6);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(FeedCallbackMessage message, long dequeueCount, CancellationToken ct)
    {
        if (await log.IsSettledAsync(message.EventId, ct)) return;
        var feed = await feeds.GetAsync(message.FeedId, ct);
        if (feed?.CallbackUrl is null || !Uri.TryCreate(feed.CallbackUrl, UriKind.Absolute, out var url)) return;
        var request = new WebhookRequest(message.EventId, url, feed.CallbackSigningSecret, Body(message), $"Basic {feed.CallbackCredential}");
        switch (await sender.SendAsync(request, ct))
        {
            case WebhookResult.Delivered:
                await log.MarkSettledAsync(message.EventId, null, ct);
                break;
            case WebhookResult.RetryLater retry:
                await RetryAsync(message, retry, ct);
                break;
            case WebhookResult.Disabled gone:
                await GiveUpAsync(message, gone.Reason, ct);
                break;
            case WebhookResult.Failed failed:
                await GiveUpAsync(message, failed.Error, ct);
                break;
        }
    }

    public static string Body(FeedCallbackMessage message) => JsonSerializer.Serialize(new
    {
        type = message.Type,
        message = FeedCallbackTypes.MessageOf(message.Type),
        channelId = message.FeedId,
        iuid = message.Iuid,
        date = message.Date,
    }, Json);

    private async Task RetryAsync(FeedCallbackMessage message, WebhookResult.RetryLater retry, CancellationToken ct)
    {
        var delay = RetryBackoff.Webhooks.NextDelay(message.Attempt, Random.Shared.NextDouble(), retry.RetryAfter);
        if (delay is null)
        {
            await GiveUpAsync(message, retry.Error, ct);
            return;
        }
        var next = message with { Attempt = message.Attempt + 1 };
        if (await log.TryScheduleAsync(message.EventId, next.Attempt, ct))
            await storage.EnqueueAsync(QueueNames.FeedCallbacks, next, delay.Value < QueueReach ? delay : QueueReach, ct);
    }

    private async Task GiveUpAsync(FeedCallbackMessage message, string error, CancellationToken ct)
    {
        logger.LogWarning("Feed callback {EventId} failed after {Attempts} attempts: {Error}", message.EventId, message.Attempt, error);
        // The message itself, as the host would move it after its last dequeue: the poison queue holds one shape,
        // and replaying is queueing it again. The error stays with the event's settled row.
        await storage.EnqueueAsync(QueueNames.Poison(QueueNames.FeedCallbacks), message, null, ct);
        await log.MarkSettledAsync(message.EventId, error, ct);
    }
}
