using Microsoft.Extensions.Logging;
using Notify.Core.Scheduling;
using Notify.Core.Sends;
using Notify.Core.Storage;
using Notify.Core.Topics;

namespace Notify.Core.Pipeline;

/// <summary>
/// Fans a send out: one delivery message per recipient chunk and one first-page message per topic
/// bucket, so queues stay shallow however large the audience. A cancelled, already fanned-out or
/// early message changes nothing; a repeat re-queues the work, and delivering twice changes nothing.
/// </summary>
public sealed class SendHandler(SendStore sends, NotifyStorage storage, TimeProvider clock, ILogger<SendHandler> logger)
    : IQueueHandler<SendMessage>
{
    private static readonly string[] Pending = [SendStatus.Scheduled, SendStatus.Accepted];

    public async Task HandleAsync(SendMessage message, long dequeueCount, CancellationToken ct)
    {
        using var scope = logger.Stage("fan-out", message.AppId, message.SendId);
        var send = await sends.GetAsync(message.AppId, message.SendId, ct);
        if (send is null)
        {
            logger.LogWarning("Send {SendId} of app {AppId} does not exist; nothing to fan out", message.SendId, message.AppId);
            return;
        }
        if (!Pending.Contains(send.Status)) return;
        var wait = send.SendAt - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            // Early (clock skew, or a repeat of a released schedule): put it back for the rest of the wait,
            // unless that is beyond the queue's reach, where the schedule row still holds it.
            if (wait <= SendSchedule.MaxQueueDelay) await storage.EnqueueAsync(QueueNames.Sends, message, wait, ct);
            return;
        }
        var deliveries = Enumerable.Range(0, send.ChunkCount).Select(chunk =>
            storage.EnqueueAsync(QueueNames.Deliveries, new DeliveryMessage(send.AppId, send.SendId, chunk), null, ct));
        var topicPages = send.TopicIdList.SelectMany(topic => Enumerable.Range(0, TopicMemberStore.BucketCount).Select(bucket =>
            storage.EnqueueAsync(QueueNames.TopicPages, new TopicPageMessage(send.AppId, send.SendId, topic, bucket, 0, null), null, ct)));
        await Task.WhenAll(deliveries.Concat(topicPages));
        await sends.TransitionAsync(send, Pending, SendStatus.FannedOut, ct);
        logger.LogInformation("Fanned out into {Chunks} recipient chunks and {Topics} topics × {Buckets} buckets",
            send.ChunkCount, send.TopicIdList.Count, TopicMemberStore.BucketCount);
    }
}
