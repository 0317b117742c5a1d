using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Core.Audience;
using Notify.Core.Sends;
using Notify.Core.Storage;
using Notify.Core.Topics;

namespace Notify.Core.Pipeline;

/// <summary>
/// Delivers one page of one topic bucket and chains the next page's message first, so a bucket is read
/// page by page with one message in the queue at a time and the member list is never held in memory.
/// A repeated page re-delivers (which changes nothing) and does not chain again: the marker row is added
/// before the next message is queued, so of two copies running at once only one chains.
/// </summary>
public sealed class TopicPageHandler(SendStore sends, SendProgress progress, TopicMemberStore members, RecipientDelivery delivery, NotifyStorage storage,
    IOptions<NotifyOptions> options, ILogger<TopicPageHandler> logger) : IQueueHandler<TopicPageMessage>
{
    public async Task HandleAsync(TopicPageMessage message, long dequeueCount, CancellationToken ct)
    {
        using var scope = logger.Stage("topic-page", message.AppId, message.SendId);
        var send = await sends.GetAsync(message.AppId, message.SendId, ct);
        if (send is null || send.Status == SendStatus.Cancelled) return;
        var page = await members.ReadPageAsync(message.AppId, message.TopicId, message.Bucket, message.Continuation,
            options.Value.RecipientsPerChunk, ct);
        if (page.Continuation is not null && await sends.TryClaimPageChainAsync(send, message.TopicId, message.Bucket, message.Page, ct))
        {
            try
            {
                await storage.EnqueueAsync(QueueNames.TopicPages, message with { Page = message.Page + 1, Continuation = page.Continuation }, null, ct);
            }
            catch
            {
                await sends.ReleasePageChainAsync(send, message.TopicId, message.Bucket, message.Page, CancellationToken.None);
                throw;
            }
        }
        // The app-wide audience's own rows are its members; other topics' rows say whether their user joined it.
        var audience = page.Members
            .Select(m => new AudienceMember(new Recipient(m.UserId, null), m.Channels, m.InAudience || message.TopicId == AppAudience.TopicId))
            .ToList();
        await delivery.DeliverAsync(send, audience, ct);
        if (page.Continuation is null) await progress.MarkBucketDoneAsync(send, message.TopicId, message.Bucket, ct);
        logger.LogInformation("Topic {TopicId} bucket {Bucket} page {Page} delivered to {Members} members", message.TopicId, message.Bucket, message.Page, audience.Count);
    }
}
