using Microsoft.Extensions.Options;
using Notify.Core.Sends;
using Notify.Core.Scheduling;
using Notify.Core.Topics;
using Notify.Core.Storage;
using Notify.Core.Workflows;

namespace Notify.Core.Pipeline;

/// <summary>
/// Accepts a send: stores it and queues it, hidden until its send time when it has one, or in a
/// schedule row when that is beyond the queue's reach. No delivery work happens in the request.
/// </summary>
public sealed class SendService(
    SendStore sends, SendCommitter committer, WorkflowRunStore workflows, ScheduleStore schedules, NotifyStorage storage,
    IOptions<NotifyOptions> options, TimeProvider clock)
{
    /// <summary>Keeps a chunk row's JSON well under the 32K-character string property cap.</summary>
    private const int MaxChunkChars = 30_000;

    public async Task<string> AcceptAsync(string appId, SendRequest request, CancellationToken ct)
    {
        var chunks = Chunk(request.Recipients, options.Value.RecipientsPerChunk);
        var now = clock.GetUtcNow();
        var delay = request.SendAt - now is { } wait && wait > TimeSpan.Zero ? wait : (TimeSpan?)null;
        var send = new SendRow
        {
            AppId = appId,
            CreatedAt = now,
            Status = delay is null ? SendStatus.Accepted : SendStatus.Scheduled,
            Content = request.Content,
            TemplateDataJson = request.TemplateDataJson,
            TemplateIdentifier = request.TemplateIdentifier,
            EmailOverrideJson = request.EmailOverride?.ToJson(),
            RecipientCount = request.Recipients.Count,
            CategoryId = request.CategoryId,
            TopicIds = request.TopicIds.Count == 0 ? null : string.Join(',', request.TopicIds),
            Channels = request.Channels is null ? null : DeliveryChannels.Join(request.Channels),
            SendAt = request.SendAt,
            WorkflowIdentifier = request.Workflow?.Identifier,
            CancellationKey = request.Workflow?.CancellationKey,
            ActionsJson = request.Actions?.ToJson(),
        };
        // Sends of at most one chunk that go now are committed in groups; the rest commit alone.
        if (delay is null && request.Workflow?.CancellationKey is null && chunks.Count <= 1)
        {
            send.RecipientsJson = chunks.FirstOrDefault();
            if (SendCommitter.CanGroup(send)) return await committer.CommitAsync(send, ct);
            send.RecipientsJson = null;
        }
        var sendId = send.SendId = Guid.CreateVersion7().ToString();
        if (request.Workflow is { CancellationKey: { } key } workflow)
            await workflows.IndexAsync(appId, workflow.Identifier, key, sendId, ct);
        await sends.SaveAsync(send, chunks, ct);
        if (delay > SendSchedule.MaxQueueDelay)
            await schedules.AddAsync(appId, sendId, request.SendAt!.Value, ct);
        else
            await storage.EnqueueAsync(QueueNames.Sends, new SendMessage(appId, sendId), delay, ct);
        return sendId;
    }

    /// <summary>
    /// Recipients are chunked in bucket order, so a chunk's id-index rows and delivery records fall into a few
    /// user-bucket partitions (a few transactions) while the send as a whole spreads over all of them. The order is
    /// by topic-member bucket first, since a chunk's new users join the app's audience in one transaction per member
    /// bucket they fall in; both come from one hash and 128 is a multiple of 16, so each user bucket lies within
    /// one member bucket and a chunk spans about as many user buckets as in user-bucket order.
    /// Within a chunk they keep the order they were given in, so a send of one chunk lists them as sent.
    /// </summary>
    public static IReadOnlyList<string> Chunk(IReadOnlyList<Recipient> recipients, int perChunk)
    {
        var chunks = new List<string>();
        var current = new List<(Recipient Recipient, int Index)>();
        var chars = 0;
        foreach (var (recipient, index) in recipients.Select((r, i) => (r, i)).OrderBy(r => ChunkOrder(r.r.Identifier)))
        {
            var size = Recipient.Serialize([recipient]).Length;
            if (current.Count == perChunk || (current.Count > 0 && chars + size > MaxChunkChars))
            {
                chunks.Add(InGivenOrder(current));
                current = [];
                chars = 0;
            }
            current.Add((recipient, index));
            chars += size;
        }
        if (current.Count > 0) chunks.Add(InGivenOrder(current));
        return chunks;
    }

    public static (int MemberBucket, int UserBucket) ChunkOrder(string userId) =>
        (TableKeys.BucketOf(userId, TopicMemberStore.BucketCount), TableKeys.UserBucket(userId));

    private static string InGivenOrder(IEnumerable<(Recipient Recipient, int Index)> chunk) =>
        Recipient.Serialize(chunk.OrderBy(r => r.Index).Select(r => r.Recipient).ToList());
}
