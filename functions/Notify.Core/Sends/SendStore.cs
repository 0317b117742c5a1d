using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Sends;

/// <summary>Stores sends and their recipient chunks, each send in its own partition.</summary>
public sealed class SendStore(NotifyStorage storage)
{
    private const int MaxEntitiesPerTransaction = 100;
    private const int MaxAttempts = 20;
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
        // A send to topics only has no chunks: its row goes in a transaction of its own.
        if (batches.Count == 0 || batches[^1].Count == MaxEntitiesPerTransaction)
            batches.Add([]);
        batches[^1].Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, send));
        await Task.WhenAll(batches.SkipLast(1).Select(b => Sends.SubmitTransactionAsync(b, ct)));
        await Sends.SubmitTransactionAsync(batches[^1], ct);
    }

    /// <summary>
    /// Adds a send whose id the caller chose (a batch message's id): false when that id was taken, so of two
    /// racing requests with one id exactly one goes on.
    /// </summary>
    public async Task<bool> ClaimAsync(SendRow send, CancellationToken ct)
    {
        send.PartitionKey = TableKeys.Send(send.AppId, send.SendId);
        send.RowKey = SendRow.Key;
        try
        {
            var response = await Sends.AddEntityAsync(send, ct);
            send.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Gives a claimed id back after its message failed here, so the caller may retry it.</summary>
    public async Task ReleaseAsync(SendRow send, CancellationToken ct)
    {
        try
        {
            await Sends.DeleteEntityAsync(send.PartitionKey, send.RowKey, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Given back already.
        }
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

    /// <summary>
    /// Moves the send from <paramref name="from"/> to <paramref name="to"/> under its ETag; gives the
    /// fresh row when another write (a cancellation, say) got in first and the move no longer applies.
    /// </summary>
    public async Task<SendRow> TransitionAsync(SendRow send, IReadOnlyCollection<string> from, string to, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!from.Contains(send.Status)) return send;
            send.Status = to;
            try
            {
                var response = await Sends.UpdateEntityAsync(send, send.ETag, TableUpdateMode.Replace, ct);
                send.ETag = response.Headers.ETag ?? default;
                return send;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxAttempts)
            {
                send = await GetAsync(send.AppId, send.SendId, ct) ?? throw new InvalidOperationException($"Send {send.SendId} vanished.", e);
            }
        }
    }

    /// <summary>Marks recipients cancelled, then flags the send so deliveries start looking them up.</summary>
    public async Task CancelRecipientsAsync(SendRow send, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var partition = TableKeys.Send(send.AppId, send.SendId);
        var rows = userIds.Distinct().Select(u => new CancelledRecipientRow { PartitionKey = partition, RowKey = CancelledRecipientRow.KeyFor(u), UserId = u });
        foreach (var batch in rows.Chunk(MaxEntitiesPerTransaction))
            await Sends.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
        for (var attempt = 1; !send.HasCancelledRecipients; attempt++)
        {
            send.HasCancelledRecipients = true;
            try
            {
                await Sends.UpdateEntityAsync(send, send.ETag, TableUpdateMode.Replace, ct);
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxAttempts)
            {
                send = await GetAsync(send.AppId, send.SendId, ct) ?? throw new InvalidOperationException($"Send {send.SendId} vanished.", e);
            }
        }
    }

    public async Task<IReadOnlySet<string>> GetCancelledRecipientsAsync(SendRow send, CancellationToken ct)
    {
        if (!send.HasCancelledRecipients) return new HashSet<string>();
        var partition = TableKeys.Send(send.AppId, send.SendId);
        var users = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in Sends.QueryAsync<CancelledRecipientRow>(TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {CancelledRecipientRow.Prefix} and RowKey lt {CancelledRecipientRow.End}"), cancellationToken: ct))
            users.Add(row.UserId);
        return users;
    }

    public async Task<bool> IsPageChainedAsync(SendRow send, int topicId, int bucket, int page, CancellationToken ct) =>
        (await Sends.GetEntityIfExistsAsync<TopicPageRow>(TableKeys.Send(send.AppId, send.SendId),
            TopicPageRow.KeyFor(topicId, bucket, page), ["RowKey"], ct)).HasValue;

    public async Task MarkPageChainedAsync(SendRow send, int topicId, int bucket, int page, CancellationToken ct) =>
        await Sends.UpsertEntityAsync(new TopicPageRow
        {
            PartitionKey = TableKeys.Send(send.AppId, send.SendId), RowKey = TopicPageRow.KeyFor(topicId, bucket, page),
        }, TableUpdateMode.Replace, ct);

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
