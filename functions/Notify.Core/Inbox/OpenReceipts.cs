using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Inbox;

/// <summary>A recipient opened the send's item: one row per (send, user), written once.</summary>
public sealed class OpenReceiptRow : TableRow
{
    public DateTimeOffset OpenedAt { get; set; }
}

/// <summary>
/// Counts who opened an item that asks for an answer. Each opening is a row of its own, added once (a repeat
/// meets 409), so the count is exact however many users open at the same moment and no counter row becomes a
/// point of contention. The rows sit in the send's user-bucket partitions of the deliveries table, beside the
/// user's delivery records, so an audience opening at once spreads over 128 partitions, not one.
/// </summary>
public sealed class OpenReceipts(NotifyStorage storage)
{
    private TableClient Deliveries => storage.Table(TableNames.Deliveries);

    /// <summary>Records an opened item of a send with actions; repeating it, or calling it for other items, changes nothing.</summary>
    public async Task RecordAsync(string appId, string userId, InboxItemRow item, CancellationToken ct)
    {
        if (item.ActionsJson is null || item.ClickedAt is not { } openedAt) return;
        try
        {
            await Deliveries.AddEntityAsync(new OpenReceiptRow
            {
                PartitionKey = TableKeys.Deliveries(appId, item.SendId, userId), RowKey = TableKeys.DeliveryRecords.Opened(userId), OpenedAt = openedAt,
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Counted already.
        }
    }

    /// <summary>Reads the receipts' keys alone, 1,000 a page, across the send's bucket partitions.</summary>
    public async Task<int> CountAsync(string appId, string sendId, CancellationToken ct)
    {
        var count = 0;
        await foreach (var _ in Deliveries.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey ge {TableKeys.DeliveriesOf(appId, sendId)} and PartitionKey lt {TableKeys.DeliveriesEnd(appId, sendId)} and RowKey ge {TableKeys.DeliveryRecords.OpenedPrefix} and RowKey lt {TableKeys.DeliveryRecords.OpenedEnd}"),
            select: ["RowKey"], cancellationToken: ct))
            count++;
        return count;
    }
}
