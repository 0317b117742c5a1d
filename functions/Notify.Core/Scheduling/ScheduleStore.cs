using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Scheduling;

public sealed class ScheduleStore(NotifyStorage storage)
{
    private TableClient Schedules => storage.Table(TableNames.Schedules);

    public async Task AddAsync(string appId, string sendId, DateTimeOffset sendAt, CancellationToken ct)
    {
        var releaseAt = SendSchedule.ReleaseAt(sendAt);
        await Schedules.UpsertEntityAsync(new ScheduleRow
        {
            PartitionKey = TableKeys.ScheduleDay(releaseAt),
            RowKey = TableKeys.Schedule(releaseAt, appId, sendId),
            AppId = appId,
            SendId = sendId,
            SendAt = sendAt,
        }, TableUpdateMode.Replace, ct);
    }

    /// <summary>Every schedule whose release time has come, oldest day first; released rows are deleted, so this stays small.</summary>
    public IAsyncEnumerable<ScheduleRow> DueAsync(DateTimeOffset now, CancellationToken ct) =>
        Schedules.QueryAsync<ScheduleRow>(TableClient.CreateQueryFilter(
            $"PartitionKey le {TableKeys.ScheduleDay(now)} and RowKey le {TableKeys.ScheduleDueBy(now)}"), cancellationToken: ct);

    /// <summary>Succeeds when an overlapping run removed it first; the send handler ignores the second message.</summary>
    public async Task RemoveAsync(ScheduleRow row, CancellationToken ct) =>
        await Schedules.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
}
