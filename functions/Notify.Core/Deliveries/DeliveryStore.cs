using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Deliveries;

/// <summary>A page of a send's delivery records; <see cref="Continuation"/> is null on the last page.</summary>
public sealed record DeliveryPage(IReadOnlyList<DeliveryRow> Rows, string? Continuation);

/// <summary>
/// Delivery records, spread over the send's user-bucket partitions. Records are added, never overwritten,
/// and every status change is saved under the row's ETag with its tally change in one transaction, so the
/// tallies count each record exactly once however often a stage repeats.
/// </summary>
public sealed class DeliveryStore(NotifyStorage storage, TallyFolder folder, TimeProvider clock)
{
    private const int RecordsPerTransaction = 99;
    private TableClient Table => storage.Table(TableNames.Deliveries);

    /// <summary>Records a final outcome that needs no further work (a skip, say); the first outcome recorded stays.</summary>
    public Task RecordAsync(string appId, string sendId, string userId, string channel, string status, string? reason, CancellationToken ct) =>
        AddOneAsync(Row(appId, sendId, userId, channel, status, reason), ct);

    /// <summary>
    /// Records many final outcomes of one send: one transaction per bucket partition and 99 records, tally included;
    /// the first outcome recorded of each delivery stays.
    /// </summary>
    public Task RecordAllAsync(string appId, string sendId, IEnumerable<RecordedOutcome> outcomes, CancellationToken ct) =>
        AddAllAsync(outcomes.Select(o => Row(appId, sendId, o.UserId, o.Channel, o.Status, o.Reason)), ct);

    /// <summary>Creates queued deliveries unless they exist: a repeated fan-out must not reset a delivery already under way.</summary>
    public Task QueueAllAsync(string appId, string sendId, IEnumerable<string> userIds, string channel, CancellationToken ct) =>
        AddAllAsync(userIds.Select(u => Row(appId, sendId, u, channel, DeliveryStatus.Queued, null)), ct);

    public async Task<DeliveryRow?> GetAsync(string appId, string sendId, string userId, string channel, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<DeliveryRow>(TableKeys.Deliveries(appId, sendId, userId), TableKeys.DeliveryRecords.Record(userId, channel), cancellationToken: ct);
        if (!row.HasValue) return null;
        row.Value!.StoredStatus = row.Value.Status;
        return row.Value;
    }

    /// <summary>Saves a change made after reading the row; false when another run changed it first.</summary>
    public async Task<bool> TryUpdateAsync(DeliveryRow row, CancellationToken ct)
    {
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            if (row.StoredStatus is { } stored && stored != row.Status)
            {
                var response = await Table.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.UpdateReplace, row, row.ETag),
                    DeliveryTally.Move(row.PartitionKey, stored, row.Status),
                ], ct);
                row.ETag = response.Value[0].Headers.ETag ?? default;
                await folder.ChangedAsync(row.PartitionKey);
            }
            else
            {
                var response = await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                row.ETag = response.Headers.ETag ?? default;
            }
            row.StoredStatus = row.Status;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// One page of a send's records in one query over its partitions, optionally only one status or channel.
    /// A filtered page may hold fewer than <paramref name="limit"/> rows and still have a continuation.
    /// </summary>
    public async Task<DeliveryPage> ListAsync(string appId, string sendId, string? status, string? channel, int limit, string? continuation, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {TableKeys.DeliveriesOf(appId, sendId)} and PartitionKey lt {TableKeys.DeliveriesEnd(appId, sendId)} and RowKey ge {TableKeys.DeliveryRecords.RecordPrefix} and RowKey lt {TableKeys.DeliveryRecords.RecordEnd}");
        if (status is not null) filter += " and " + TableClient.CreateQueryFilter($"Status eq {status}");
        if (channel is not null) filter += " and " + TableClient.CreateQueryFilter($"Channel eq {channel}");
        await foreach (var page in Table.QueryAsync<DeliveryRow>(filter, maxPerPage: limit, cancellationToken: ct).AsPages(continuation, limit))
            return new DeliveryPage(page.Values, page.ContinuationToken);
        return new DeliveryPage([], null);
    }

    /// <summary>Deliveries per status, from the tally rows alone; partitions with many changes are folded after the read.</summary>
    public async Task<IReadOnlyDictionary<string, int>> TotalsAsync(string appId, string sendId, CancellationToken ct)
    {
        var reader = new DeliveryTallyReader();
        await foreach (var page in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey ge {TableKeys.DeliveriesOf(appId, sendId)} and PartitionKey lt {TableKeys.DeliveriesEnd(appId, sendId)} and RowKey ge {TableKeys.DeliveryRecords.TallyPrefix} and RowKey lt {TableKeys.DeliveryRecords.TallyEnd}"),
            cancellationToken: ct).AsPages())
        {
            foreach (var row in page.Values) reader.Add(row);
            if (page.ContinuationToken is not null) reader.PageEnded();
        }
        foreach (var partition in reader.Cut)
            reader.Replace(partition, await Table.QueryAsync<TableEntity>(DeliveryTally.RowsIn(partition), cancellationToken: ct).ToListAsync(ct));
        await Task.WhenAll(reader.Folds.Select(fold => folder.FoldAsync(fold, ct)));
        return reader.Totals();
    }

    private async Task AddAllAsync(IEnumerable<DeliveryRow> rows, CancellationToken ct) =>
        await Task.WhenAll(rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.DistinctBy(r => r.RowKey).Chunk(RecordsPerTransaction)).Select(async batch =>
        {
            List<TableTransactionAction> actions = [.. batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r))];
            actions.Add(DeliveryTally.Add(batch[0].PartitionKey, batch.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count())));
            try
            {
                await Table.SubmitTransactionAsync(actions, ct);
                await folder.ChangedAsync(batch[0].PartitionKey);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Some were recorded by an earlier run: record the rest one by one.
                foreach (var row in batch) await AddOneAsync(row, ct);
            }
        }));

    private async Task AddOneAsync(DeliveryRow row, CancellationToken ct)
    {
        try
        {
            await Table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, row),
                DeliveryTally.Add(row.PartitionKey, new Dictionary<string, int> { [row.Status] = 1 }),
            ], ct);
            await folder.ChangedAsync(row.PartitionKey);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already recorded by an earlier run.
        }
    }

    /// <summary>The users whose delivery on <paramref name="channel"/> ended in <paramref name="status"/>, bucket by bucket in key order, page by page.</summary>
    public AsyncPageable<DeliveryRow> QueryUsers(string appId, string sendId, string channel, string status, int pageSize, CancellationToken ct) =>
        Table.QueryAsync<DeliveryRow>(TableClient.CreateQueryFilter(
                $"PartitionKey ge {TableKeys.DeliveriesOf(appId, sendId)} and PartitionKey lt {TableKeys.DeliveriesEnd(appId, sendId)} and RowKey ge {TableKeys.DeliveryRecords.RecordPrefix} and RowKey lt {TableKeys.DeliveryRecords.RecordEnd} and Channel eq {channel} and Status eq {status}"),
            maxPerPage: pageSize, select: [nameof(DeliveryRow.UserId)], cancellationToken: ct);

    private DeliveryRow Row(string appId, string sendId, string userId, string channel, string status, string? reason) => new()
    {
        PartitionKey = TableKeys.Deliveries(appId, sendId, userId),
        RowKey = TableKeys.DeliveryRecords.Record(userId, channel),
        UserId = userId,
        Channel = channel,
        Status = status,
        LastError = reason,
        UpdatedAt = clock.GetUtcNow(),
    };
}

/// <summary>A delivery's final outcome as <see cref="DeliveryStore.RecordAllAsync"/> records it.</summary>
public readonly record struct RecordedOutcome(string UserId, string Channel, string Status, string? Reason = null);
