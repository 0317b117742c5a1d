using Azure.Data.Tables;
using Notify.Core.Storage;
using Notify.Core.Topics;

namespace Notify.Core.Sends;

/// <summary>A part of a send's delivery (a recipient chunk, or the last page of a topic bucket) is done.</summary>
public sealed class SendPartDoneRow : TableRow;

/// <summary>
/// Whether every part of a fanned-out send has been delivered: one row per finished part, written after
/// its delivery (upserted, so a repeat counts once), against the number of parts the send has.
/// </summary>
public sealed class SendProgress(NotifyStorage storage)
{
    private TableClient Sends => storage.Table(TableNames.Sends);

    public Task MarkChunkDoneAsync(SendRow send, int chunk, CancellationToken ct) => MarkAsync(send, TableKeys.Sends.ChunkDone(send.SendId, chunk), ct);

    public Task MarkBucketDoneAsync(SendRow send, int topicId, int bucket, CancellationToken ct) =>
        MarkAsync(send, TableKeys.Sends.BucketDone(send.SendId, topicId, bucket), ct);

    public async Task<bool> IsDeliveredAsync(SendRow send, CancellationToken ct)
    {
        if (send.Status != SendStatus.FannedOut) return false;
        var partition = TableKeys.Send(send.AppId, send.SendId);
        var done = 0;
        await foreach (var _ in Sends.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {TableKeys.Sends.DonePrefix(send.SendId)} and RowKey lt {TableKeys.Sends.DoneEnd(send.SendId)}"), select: ["RowKey"], cancellationToken: ct))
            done++;
        return done >= send.ChunkCount + send.TopicIdList.Count * TopicMemberStore.BucketCount;
    }

    private async Task MarkAsync(SendRow send, string rowKey, CancellationToken ct) =>
        await Sends.UpsertEntityAsync(new SendPartDoneRow { PartitionKey = TableKeys.Send(send.AppId, send.SendId), RowKey = rowKey },
            TableUpdateMode.Replace, ct);
}
