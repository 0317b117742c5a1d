using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Deliveries;

public sealed class DeliveryStore(NotifyStorage storage, TimeProvider clock)
{
    private TableClient Sends => storage.Table(TableNames.Sends);

    /// <summary>Records a final outcome that needs no further work (a skip, say); repeating it is harmless.</summary>
    public async Task RecordAsync(string appId, string sendId, string userId, string channel, string status, string? reason, CancellationToken ct)
    {
        var row = new DeliveryRow
        {
            PartitionKey = TableKeys.Send(appId, sendId),
            RowKey = DeliveryRow.KeyFor(userId, channel),
            UserId = userId,
            Channel = channel,
            Status = status,
            LastError = reason,
            UpdatedAt = clock.GetUtcNow(),
        };
        await Sends.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
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
}
