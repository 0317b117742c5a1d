using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Core.Scheduling;
using Notify.Core.Sends;
using Notify.Core.Storage;
using Notify.Core.Topics;

namespace Notify.Core.Pipeline;

/// <summary>
/// Fans a send out: one delivery message per recipient chunk and one first-page message per topic
/// bucket, so queues stay shallow however large the audience. Sends committed in a group are read in
/// one query and their recipients (one chunk at most, on the send row) delivered here, with no further
/// message. A cancelled, already fanned-out or early send changes nothing; a repeat re-queues the work,
/// and delivering twice changes nothing.
/// </summary>
public sealed class SendHandler(SendStore sends, RecipientDelivery delivery, NotifyStorage storage, IOptions<NotifyOptions> options,
    TimeProvider clock, ILogger<SendHandler> logger) : IQueueHandler<SendMessage>
{
    private static readonly string[] Pending = [SendStatus.Scheduled, SendStatus.Accepted];

    public async Task HandleAsync(SendMessage message, long dequeueCount, CancellationToken ct)
    {
        if (message.Batch is { Count: > 0 } batch)
        {
            using var groupScope = logger.Stage("fan-out", message.AppId, batch[0]);
            await FanOutGroupAsync(message.AppId, batch, ct);
            return;
        }
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
        await FanOutAsync(send.AppId, [send], ct);
        await sends.TransitionAsync(send, Pending, SendStatus.FannedOut, ct);
    }

    /// <summary>A commit group holds only sends due now; they move to fanned-out together, in one transaction.</summary>
    private async Task FanOutGroupAsync(string appId, IReadOnlyList<string> sendIds, CancellationToken ct)
    {
        var group = (await sends.GetGroupAsync(appId, sendIds, ct)).Where(s => Pending.Contains(s.Status)).ToList();
        if (group.Count == 0) return;
        await FanOutAsync(appId, group, ct);
        await sends.TransitionAllAsync(group, Pending, SendStatus.FannedOut, ct);
    }

    /// <summary>Queues the sends' chunks and topic pages, and delivers the recipients they carry as one set.</summary>
    private async Task FanOutAsync(string appId, IReadOnlyList<SendRow> due, CancellationToken ct)
    {
        var carried = due.Where(s => s.RecipientsJson is not null)
            .Select(s => new SendAudience(s, Recipient.Deserialize(s.RecipientsJson!).Select(r => new AudienceMember(r, null)).ToList()))
            .ToList();
        var queued = Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.DeliveryParallelism, CancellationToken = ct },
            async (send, token) => await QueueWorkAsync(send, token));
        await Task.WhenAll(queued, delivery.DeliverAllAsync(appId, carried, ct));
    }

    /// <summary>One delivery message per recipient chunk and one first-page message per topic bucket.</summary>
    private async Task QueueWorkAsync(SendRow send, CancellationToken ct)
    {
        var deliveries = Enumerable.Range(0, send.ChunkCount).Select(chunk =>
            storage.EnqueueAsync(QueueNames.Deliveries, new DeliveryMessage(send.AppId, send.SendId, chunk), null, ct));
        var topicPages = send.TopicIdList.SelectMany(topic => Enumerable.Range(0, TopicMemberStore.BucketCount).Select(bucket =>
            storage.EnqueueAsync(QueueNames.TopicPages, new TopicPageMessage(send.AppId, send.SendId, topic, bucket, 0, null), null, ct)));
        await Task.WhenAll(deliveries.Concat(topicPages));
        logger.LogInformation("Send {SendId} queued {Chunks} recipient chunks and {Topics} topics × {Buckets} buckets",
            send.SendId, send.ChunkCount, send.TopicIdList.Count, TopicMemberStore.BucketCount);
    }
}
