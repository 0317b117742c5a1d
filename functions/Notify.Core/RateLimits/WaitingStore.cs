using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.RateLimits;

/// <summary>A delivery waiting for rate budget or for its next retry.</summary>
public sealed class WaitingRow : TableRow
{
    public string SendId { get; set; } = "";
    public string UserId { get; set; } = "";
}

/// <summary>Marks an app and channel that has waiting deliveries, so the release timer need not scan everything.</summary>
public sealed class WaitingIndexRow : TableRow
{
    public string AppId { get; set; } = "";
    public string Channel { get; set; } = "";
}

public sealed class WaitingStore(NotifyStorage storage)
{
    private TableClient Table => storage.Table(TableNames.Waiting);

    /// <summary>Parks deliveries; the index row is touched after them, so a release in progress cannot drop it unseen.</summary>
    public async Task AddAsync(string appId, string channel, IReadOnlyList<(string SendId, string UserId, DateTimeOffset NotBefore)> deliveries, CancellationToken ct)
    {
        if (deliveries.Count == 0) return;
        var partition = TableKeys.AppChannel(appId, channel);
        foreach (var batch in deliveries.Chunk(100))
            await Table.SubmitTransactionAsync(batch.Select(d => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new WaitingRow { PartitionKey = partition, RowKey = TableKeys.Waiting(d.NotBefore, d.SendId, d.UserId), SendId = d.SendId, UserId = d.UserId })), ct);
        await Table.UpsertEntityAsync(new WaitingIndexRow { PartitionKey = TableKeys.RateLimits.WaitingIndex, RowKey = partition, AppId = appId, Channel = channel },
            TableUpdateMode.Replace, ct);
    }

    /// <summary>Up to <paramref name="max"/> (app, channel) pairs with waiting deliveries, after <paramref name="after"/> in key order.</summary>
    public async Task<IReadOnlyList<WaitingIndexRow>> ListChannelsAsync(string after, int max, CancellationToken ct)
    {
        var rows = new List<WaitingIndexRow>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.RateLimits.WaitingIndex} and RowKey gt {after}");
        await foreach (var row in Table.QueryAsync<WaitingIndexRow>(filter, maxPerPage: max, cancellationToken: ct))
        {
            rows.Add(row);
            if (rows.Count == max) break;
        }
        return rows;
    }

    /// <summary>Up to <paramref name="max"/> deliveries due at <paramref name="now"/>, oldest first.</summary>
    public async Task<IReadOnlyList<WaitingRow>> DueAsync(string appId, string channel, DateTimeOffset now, int max, CancellationToken ct)
    {
        var partition = TableKeys.AppChannel(appId, channel);
        var due = new List<WaitingRow>();
        if (max <= 0) return due;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {$"{now.UtcTicks + 1:D19}"}");
        await foreach (var row in Table.QueryAsync<WaitingRow>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: ct))
        {
            due.Add(row);
            if (due.Count == max) break;
        }
        return due;
    }

    public async Task<bool> IsEmptyAsync(string appId, string channel, CancellationToken ct)
    {
        var partition = TableKeys.AppChannel(appId, channel);
        await foreach (var _ in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), maxPerPage: 1, select: ["RowKey"], cancellationToken: ct))
            return false;
        return true;
    }

    /// <summary>Removes released rows; another instance releasing at the same time may have removed some already.</summary>
    public Task RemoveAsync(IReadOnlyList<WaitingRow> rows, CancellationToken ct) => TableBatches.DeleteAsync(Table, rows, ct);

    /// <summary>Drops the index row unless deliveries were parked after it was read (its ETag then changed).</summary>
    public async Task ForgetAsync(WaitingIndexRow index, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(index.PartitionKey, index.RowKey, index.ETag, ct);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // New deliveries arrived: the index stays for the next run. (A row gone already is no error.)
        }
    }
}
