using Azure;
using Notify.Core.Storage;

namespace Notify.Core.Pipeline;

/// <summary>The app's webhook took an item's answer event: one row beside the request's send, written once.</summary>
public sealed class AnswerEventReceiptRow : TableRow
{
    public DateTimeOffset DeliveredAt { get; set; }
}

/// <summary>
/// Which answer events the app's webhook already took, so a repeated or replayed message is not posted again.
/// Checked before the post and written after it: two copies running at the very same moment can still both
/// post, and then carry the same <c>webhook-id</c> for the receiver to drop.
/// </summary>
public sealed class AnswerEventReceipts(NotifyStorage storage, TimeProvider clock)
{
    public async Task<bool> WasDeliveredAsync(string appId, string requestId, long notificationId, CancellationToken ct) =>
        (await storage.Table(TableNames.Sends).GetEntityIfExistsAsync<AnswerEventReceiptRow>(
            TableKeys.Send(appId, requestId), TableKeys.Sends.AnswerEventReceipt(requestId, notificationId), ["RowKey"], ct)).HasValue;

    public async Task RecordAsync(string appId, string requestId, long notificationId, CancellationToken ct)
    {
        try
        {
            await storage.Table(TableNames.Sends).AddEntityAsync(new AnswerEventReceiptRow
            {
                PartitionKey = TableKeys.Send(appId, requestId), RowKey = TableKeys.Sends.AnswerEventReceipt(requestId, notificationId), DeliveredAt = clock.GetUtcNow(),
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded by a copy that ran at the same time.
        }
    }
}
