using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Sends;

/// <summary>
/// Stores sends and their recipient chunks. Sends committed together (<see cref="Pipeline.SendCommitter"/>) share
/// one partition and one transaction; a large send has a partition of its own.
/// </summary>
public sealed class SendStore(NotifyStorage storage)
{
    private const int MaxEntitiesPerTransaction = 100;
    /// <summary>Under the 4 MiB transaction cap, counting two bytes a character.</summary>
    public const int MaxCharsPerTransaction = 1_500_000;
    private TableClient Sends => storage.Table(TableNames.Sends);

    /// <summary>
    /// Writes the chunks first and the send row last, so a send row always has all its recipients. A
    /// send whose rows fit one transaction (most do) is written in that single request.
    /// </summary>
    public async Task SaveAsync(SendRow send, IReadOnlyList<string> chunkJson, CancellationToken ct)
    {
        var rows = Rows(send, chunkJson).ToList();
        var batches = Batch(rows.SkipLast(1)).ToList();
        // A send to topics only has no chunks: its row goes in a transaction of its own.
        if (batches.Count == 0 || batches[^1].Count == MaxEntitiesPerTransaction)
            batches.Add([]);
        batches[^1].Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, rows[^1]));
        await Task.WhenAll(batches.SkipLast(1).Select(b => Sends.SubmitTransactionAsync(b, ct)));
        await Sends.SubmitTransactionAsync(batches[^1], ct);
    }

    /// <summary>Sends of one commit group (one partition), each with its recipients on its row, in one transaction.</summary>
    public async Task SaveGroupAsync(IReadOnlyList<SendRow> group, CancellationToken ct) =>
        await Sends.SubmitTransactionAsync(group.Select(send =>
        {
            send.PartitionKey = TableKeys.Send(send.AppId, send.SendId);
            send.RowKey = TableKeys.Sends.Send(send.SendId);
            return new TableTransactionAction(TableTransactionActionType.UpsertReplace, send);
        }), ct);

    /// <summary>
    /// Adds a send whose id the caller chose (a batch message's id): false when that id was taken, so of two
    /// racing requests with one id exactly one goes on.
    /// </summary>
    public async Task<bool> ClaimAsync(SendRow send, CancellationToken ct)
    {
        send.PartitionKey = TableKeys.Send(send.AppId, send.SendId);
        send.RowKey = TableKeys.Sends.Send(send.SendId);
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
        var row = await Sends.GetEntityIfExistsAsync<SendRow>(TableKeys.Send(appId, sendId), TableKeys.Sends.Send(sendId), cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>The sends of one commit group, with their recipients, in one query of the group's partition.</summary>
    public async Task<IReadOnlyList<SendRow>> GetGroupAsync(string appId, IReadOnlyCollection<string> sendIds, CancellationToken ct)
    {
        var sends = new Dictionary<string, SendRow>();
        await foreach (var row in Sends.QueryAsync<SendRow>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Send(appId, sendIds.First())}"), cancellationToken: ct))
            if (row.RowKey == TableKeys.Sends.Send(row.SendId)) sends[row.SendId] = row;
        return sendIds.Where(sends.ContainsKey).Select(id => sends[id]).ToList();
    }

    public async Task<IReadOnlyList<Recipient>> GetChunkAsync(string appId, string sendId, int chunk, CancellationToken ct)
    {
        var row = await Sends.GetEntityAsync<RecipientChunkRow>(TableKeys.Send(appId, sendId), TableKeys.Sends.Chunk(sendId, chunk), cancellationToken: ct);
        return Recipient.Deserialize(row.Value.RecipientsJson);
    }

    /// <summary>Every listed recipient: those carried on a grouped send's row, or its chunks'.</summary>
    public async Task<IReadOnlyList<Recipient>> GetRecipientsAsync(SendRow send, CancellationToken ct)
    {
        if (send.RecipientsJson is { } carried) return Recipient.Deserialize(carried);
        var chunks = await Task.WhenAll(Enumerable.Range(0, send.ChunkCount).Select(chunk => GetChunkAsync(send.AppId, send.SendId, chunk, ct)));
        return chunks.SelectMany(c => c).ToList();
    }

    /// <summary>
    /// Moves the send from <paramref name="from"/> to <paramref name="to"/> under its ETag; gives the
    /// fresh row when another write (a cancellation, say) got in first and the move no longer applies.
    /// </summary>
    public Task<SendRow> TransitionAsync(SendRow send, IReadOnlyCollection<string> from, string to, CancellationToken ct)
    {
        var current = send;
        return Optimistic.RetryAsync(async () =>
        {
            if (current.ETag == default)
                current = await GetAsync(send.AppId, send.SendId, ct) ?? throw new InvalidOperationException($"Send {send.SendId} vanished.");
            if (!from.Contains(current.Status)) return current;
            current.Status = to;
            try
            {
                var response = await Sends.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, ct);
                current.ETag = response.Headers.ETag ?? default;
                return current;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                current.ETag = default;
                throw;
            }
        }, [412]);
    }

    /// <summary>Moves sends of one commit group together, in one transaction; one by one when another write got in first.</summary>
    public async Task TransitionAllAsync(IReadOnlyList<SendRow> group, IReadOnlyCollection<string> from, string to, CancellationToken ct)
    {
        var moving = group.Where(s => from.Contains(s.Status)).ToList();
        if (moving.Count == 0) return;
        try
        {
            await Sends.SubmitTransactionAsync(moving.Select(s =>
            {
                s.Status = to;
                return new TableTransactionAction(TableTransactionActionType.UpdateReplace, s, s.ETag);
            }), ct);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            foreach (var send in moving)
                await TransitionAsync(await GetAsync(send.AppId, send.SendId, ct) ?? send, from, to, ct);
        }
    }

    /// <summary>Marks recipients cancelled, then flags the send so deliveries start looking them up.</summary>
    public async Task CancelRecipientsAsync(SendRow send, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var partition = TableKeys.Send(send.AppId, send.SendId);
        var rows = userIds.Distinct().Select(u => new CancelledRecipientRow { PartitionKey = partition, RowKey = TableKeys.Sends.Cancelled(send.SendId, u), UserId = u });
        foreach (var batch in rows.Chunk(MaxEntitiesPerTransaction))
            await Sends.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
        if (send.HasCancelledRecipients) return;
        await Optimistic.RetryAsync(async () =>
        {
            var current = await GetAsync(send.AppId, send.SendId, ct) ?? throw new InvalidOperationException($"Send {send.SendId} vanished.");
            if (current.HasCancelledRecipients) return;
            current.HasCancelledRecipients = true;
            await Sends.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, ct);
        }, [412]);
    }

    /// <summary>
    /// Which of <paramref name="userIds"/> (one batch) were cancelled: a point read each, and only when some
    /// recipient of the send was, so the work follows the batch and never the size of the cancelled set.
    /// </summary>
    public async Task<IReadOnlySet<string>> GetCancelledAmongAsync(SendRow send, IEnumerable<string> userIds, CancellationToken ct)
    {
        if (!send.HasCancelledRecipients) return new HashSet<string>();
        var cancelled = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var partition = TableKeys.Send(send.AppId, send.SendId);
        await Parallel.ForEachAsync(userIds.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (userId, token) =>
        {
            if ((await Sends.GetEntityIfExistsAsync<TableEntity>(partition, TableKeys.Sends.Cancelled(send.SendId, userId), ["RowKey"], token)).HasValue)
                cancelled[userId] = true;
        });
        return cancelled.Keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Adds the marker that the page after this one is being chained; false when it exists already. Adding
    /// before queuing (rather than checking, queuing, then marking) lets only one of two concurrent copies chain.
    /// </summary>
    public async Task<bool> TryClaimPageChainAsync(SendRow send, int topicId, int bucket, int page, CancellationToken ct)
    {
        try
        {
            await Sends.AddEntityAsync(new TopicPageRow
            {
                PartitionKey = TableKeys.Send(send.AppId, send.SendId), RowKey = TableKeys.Sends.Page(send.SendId, topicId, bucket, page),
            }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Gives the claim back when queuing the next page failed, so the message's retry chains it.</summary>
    public async Task ReleasePageChainAsync(SendRow send, int topicId, int bucket, int page, CancellationToken ct) =>
        await Sends.DeleteEntityAsync(TableKeys.Send(send.AppId, send.SendId), TableKeys.Sends.Page(send.SendId, topicId, bucket, page), ETag.All, ct);

    /// <summary>The chunk rows, then the send row.</summary>
    private static IEnumerable<TableRow> Rows(SendRow send, IReadOnlyList<string> chunkJson)
    {
        var partition = TableKeys.Send(send.AppId, send.SendId);
        send.PartitionKey = partition;
        send.RowKey = TableKeys.Sends.Send(send.SendId);
        send.ChunkCount = chunkJson.Count;
        foreach (var (json, i) in chunkJson.Select((json, i) => (json, i)))
            yield return new RecipientChunkRow { PartitionKey = partition, RowKey = TableKeys.Sends.Chunk(send.SendId, i), RecipientsJson = json };
        yield return send;
    }

    private static IEnumerable<List<TableTransactionAction>> Batch(IEnumerable<TableRow> rows)
    {
        var batch = new List<TableTransactionAction>();
        var chars = 0;
        foreach (var row in rows.Cast<RecipientChunkRow>())
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
