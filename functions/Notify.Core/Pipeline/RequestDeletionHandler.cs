using Microsoft.Extensions.Options;
using Notify.Core.Channels;
using Notify.Core.Deliveries;
using Notify.Core.Inbox;
using Notify.Core.Requests;
using Notify.Core.Sends;
using Notify.Core.Storage;

namespace Notify.Core.Pipeline;

/// <summary>
/// On the <c>requestdeletions</c> queue: remove one page of a deleted request's items from their inboxes,
/// then queue the next page, or purge the request's rows after the last. <paramref name="Continuation"/>
/// is the table continuation token of this page (null: the first).
/// </summary>
public sealed record RequestDeletionMessage(string AppId, string RequestId, string? Continuation);

/// <summary>
/// Deletes a request's items page by page, as a user deleting them would (counters and tombstones included),
/// so an audience of any size leaves every inbox without being loaded. Deleting an item twice changes
/// nothing, so a repeated page is harmless.
/// </summary>
public sealed class RequestDeletionHandler(RequestStore requests, SendStore sends, DeliveryStore deliveries, InboxStore inbox,
    NotifyStorage storage, IOptions<NotifyOptions> options) : IQueueHandler<RequestDeletionMessage>
{
    public async Task HandleAsync(RequestDeletionMessage message, long dequeueCount, CancellationToken ct)
    {
        if (await requests.GetDeletedAsync(message.AppId, message.RequestId, ct) is null) return;
        // The purge removes the send row before the request row: without it, only the purge is left to finish.
        if (await sends.GetAsync(message.AppId, message.RequestId, ct) is not { } send)
        {
            await requests.PurgeAsync(message.AppId, message.RequestId, ct);
            return;
        }
        var pageSize = options.Value.RecipientsPerChunk;
        var pages = deliveries.QueryUsers(message.AppId, message.RequestId, DeliveryChannels.InApp, DeliveryStatus.Sent, pageSize, ct)
            .AsPages(message.Continuation, pageSize);
        await foreach (var page in pages)
        {
            await Parallel.ForEachAsync(page.Values, new ParallelOptions { MaxDegreeOfParallelism = options.Value.DeliveryParallelism, CancellationToken = ct },
                async (row, token) => await inbox.ChangeAsync(message.AppId, row.UserId, send.ItemIdFor(row.UserId), InboxChange.Deleted, token));
            if (page.ContinuationToken is not null)
            {
                await storage.EnqueueAsync(QueueNames.RequestDeletions, message with { Continuation = page.ContinuationToken }, null, ct);
                return;
            }
            break;
        }
        await requests.PurgeAsync(message.AppId, message.RequestId, ct);
    }
}
