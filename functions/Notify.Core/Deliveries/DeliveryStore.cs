using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Deliveries;

public sealed class DeliveryStore(NotifyStorage storage, TimeProvider clock)
{
    private TableClient Sends => storage.Table(TableNames.Sends);

    /// <summary>Records a final outcome that needs no further work (a skip, say); repeating it is harmless.</summary>
    public async Task RecordAsync(string appId, string sendId, string userId, string channel, string status, string? reason, CancellationToken ct) =>
        await Sends.UpsertEntityAsync(Row(appId, sendId, userId, channel, status, reason), TableUpdateMode.Replace, ct);

    /// <summary>Records many outcomes of one send in as few transactions as its partition allows.</summary>
    public async Task RecordAllAsync(string appId, string sendId, IEnumerable<(string UserId, string Channel)> deliveries, string status, CancellationToken ct)
    {
        foreach (var batch in deliveries.Chunk(100))
            await Sends.SubmitTransactionAsync(batch.Select(d => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace, Row(appId, sendId, d.UserId, d.Channel, status, null))), ct);
    }

    /// <summary>Creates a queued delivery unless one exists: a repeated fan-out must not reset a delivery already under way.</summary>
    public async Task QueueAsync(string appId, string sendId, string userId, string channel, CancellationToken ct)
    {
        try
        {
            await Sends.AddEntityAsync(Row(appId, sendId, userId, channel, DeliveryStatus.Queued, null), ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already queued or handled by an earlier run.
        }
    }

    public async Task<DeliveryRow?> GetAsync(string appId, string sendId, string userId, string channel, CancellationToken ct)
    {
        var row = await Sends.GetEntityIfExistsAsync<DeliveryRow>(TableKeys.Send(appId, sendId), DeliveryRow.KeyFor(userId, channel), cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Saves a change made after reading the row; false when another run changed it first.</summary>
    public async Task<bool> TryUpdateAsync(DeliveryRow row, CancellationToken ct)
    {
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            var response = await Sends.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
            row.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<DeliveryRow>> ListAsync(string appId, string sendId, CancellationToken ct)
    {
        var partition = TableKeys.Send(appId, sendId);
        var rows = new List<DeliveryRow>();
        await foreach (var row in Sends.QueryAsync<DeliveryRow>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"d|"} and RowKey lt {"d}"}"), cancellationToken: ct))
            rows.Add(row);
        return rows;
    }

    /// <summary>The users whose delivery on <paramref name="channel"/> ended in <paramref name="status"/>, in key order, page by page.</summary>
    public AsyncPageable<DeliveryRow> QueryUsers(string appId, string sendId, string channel, string status, int pageSize, CancellationToken ct)
    {
        var partition = TableKeys.Send(appId, sendId);
        return Sends.QueryAsync<DeliveryRow>(TableClient.CreateQueryFilter(
                $"PartitionKey eq {partition} and RowKey ge {"d|"} and RowKey lt {"d}"} and Channel eq {channel} and Status eq {status}"),
            maxPerPage: pageSize, select: [nameof(DeliveryRow.UserId)], cancellationToken: ct);
    }

    private DeliveryRow Row(string appId, string sendId, string userId, string channel, string status, string? reason) => new()
    {
        PartitionKey = TableKeys.Send(appId, sendId),
        RowKey = DeliveryRow.KeyFor(userId, channel),
        UserId = userId,
        Channel = channel,
        Status = status,
        LastError = reason,
        UpdatedAt = clock.GetUtcNow(),
    };
}
