using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Sends;

/// <summary>Stores sends and their recipient chunks, each send in its own partition.</summary>
public sealed class SendStore(NotifyStorage storage)
{
    private const int MaxEntitiesPerTransaction = 100;
    /// <summary>Under the 4 MiB transaction cap, counting two bytes a character.</summary>
    private const int MaxCharsPerTransaction = 1_500_000;
    private TableClient Sends => storage.Table(TableNames.Sends);

    /// <summary>
    /// Writes the chunks first and the send row last, so a send row always has all its recipients. A
    /// send whose rows fit one transaction (most do) is written in that single request.
    /// </summary>
    public async Task SaveAsync(SendRow send, IReadOnlyList<string> chunkJson, CancellationToken ct)
    {
        var partition = TableKeys.Send(send.AppId, send.SendId);
        send.PartitionKey = partition;
        send.RowKey = SendRow.Key;
        send.ChunkCount = chunkJson.Count;
        var rows = chunkJson.Select((json, i) => new RecipientChunkRow { PartitionKey = partition, RowKey = RecipientChunkRow.KeyFor(i), RecipientsJson = json });
        var batches = Batch(rows).ToList();
        var last = batches[^1];
        var sendInLast = last.Count < MaxEntitiesPerTransaction;
        if (sendInLast)
            last.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, send));
        await Task.WhenAll(batches.SkipLast(1).Select(b => Sends.SubmitTransactionAsync(b, ct)));
        await Sends.SubmitTransactionAsync(last, ct);
        if (!sendInLast)
            await Sends.UpsertEntityAsync(send, TableUpdateMode.Replace, ct);
    }

    public async Task<SendRow?> GetAsync(string appId, string sendId, CancellationToken ct)
    {
        var row = await Sends.GetEntityIfExistsAsync<SendRow>(TableKeys.Send(appId, sendId), SendRow.Key, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    public async Task<IReadOnlyList<Recipient>> GetChunkAsync(string appId, string sendId, int chunk, CancellationToken ct)
    {
        var row = await Sends.GetEntityAsync<RecipientChunkRow>(TableKeys.Send(appId, sendId), RecipientChunkRow.KeyFor(chunk), cancellationToken: ct);
        return Recipient.Deserialize(row.Value.RecipientsJson);
    }

    public async Task SetStatusAsync(SendRow send, string status, CancellationToken ct)
    {
        send.Status = status;
        await Sends.UpdateEntityAsync(send, ETag.All, TableUpdateMode.Replace, ct);
    }

    private static IEnumerable<List<TableTransactionAction>> Batch(IEnumerable<RecipientChunkRow> rows)
    {
        var batch = new List<TableTransactionAction>();
        var chars = 0;
        foreach (var row in rows)
        {
            if (batch.Count == MaxEntitiesPerTransaction || (batch.Count > 0 && chars + row.RecipientsJson.Length > MaxCharsPerTransaction))
            {
                yield return batch;
                batch = [];
                chars = 0;
            }
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
            chars += row.RecipientsJson.Length;
        }
        if (batch.Count > 0) yield return batch;
    }
}
