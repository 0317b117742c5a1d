using Azure.Data.Tables;
using Notify.Core.Inbox;
using Notify.Core.Storage;

namespace Notify.Tests.Infrastructure;

/// <summary>Every inbox's counters of one app as stored (folded row plus unfolded changes), read in one scan.</summary>
public static class InboxCountsProbe
{
    public static async Task<IReadOnlyDictionary<string, (int Total, int Unseen)>> PerUserAsync(NotifyStorage storage, string appId)
    {
        var counts = new Dictionary<string, (int Total, int Unseen)>();
        await foreach (var row in storage.Table(TableNames.Users).QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey gt {appId + "|"} and PartitionKey lt {appId + "}"} and RowKey ge {TableKeys.InboxCounts} and RowKey lt {TableKeys.InboxCountsEnd}"),
            select: ["PartitionKey", nameof(InboxCountChangeRow.Total), nameof(InboxCountChangeRow.Unseen)]))
        {
            var (total, unseen) = counts.GetValueOrDefault(row.PartitionKey);
            counts[row.PartitionKey] = (total + (row.GetInt32(nameof(InboxCountChangeRow.Total)) ?? 0), unseen + (row.GetInt32(nameof(InboxCountChangeRow.Unseen)) ?? 0));
        }
        return counts;
    }
}
