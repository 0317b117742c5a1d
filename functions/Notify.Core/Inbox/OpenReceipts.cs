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
/// Counts who opened an item that asks for an answer. Each opening is a row of its own beside the send,
/// added once (a repeat meets 409), so the count is exact however many users open at the same moment,
/// and no counter row becomes a point of contention.
/// </summary>
public sealed class OpenReceipts(NotifyStorage storage)
{
    private TableClient Sends => storage.Table(TableNames.Sends);

    /// <summary>Records an opened item of a send with actions; repeating it, or calling it for other items, changes nothing.</summary>
    public async Task RecordAsync(string appId, string userId, InboxItemRow item, CancellationToken ct)
    {
        if (item.ActionsJson is null || item.ClickedAt is not { } openedAt) return;
        try
        {
            await Sends.AddEntityAsync(new OpenReceiptRow
            {
                PartitionKey = TableKeys.Send(appId, item.SendId), RowKey = TableKeys.Sends.Opened(item.SendId, userId), OpenedAt = openedAt,
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Counted already.
        }
    }

    public async Task<int> CountAsync(string appId, string sendId, CancellationToken ct)
    {
        var partition = TableKeys.Send(appId, sendId);
        var count = 0;
        await foreach (var _ in Sends.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {TableKeys.Sends.OpenedPrefix(sendId)} and RowKey lt {TableKeys.Sends.OpenedEnd(sendId)}"), select: ["RowKey"], cancellationToken: ct))
            count++;
        return count;
    }
}
