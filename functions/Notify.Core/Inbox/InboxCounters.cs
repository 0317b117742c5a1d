using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Inbox;

/// <summary>A user's exact inbox counters: the folded row plus the changes written since.</summary>
public sealed record InboxCounts(int Total, int Unseen, DateTimeOffset? SeenWatermark, IReadOnlyDictionary<string, int> CategoryTotals, bool UserDeleting)
{
    public int TotalFor(string category) => CategoryTotals.GetValueOrDefault(category);
}

/// <summary>What an item read needs besides the item: the mark-all-seen watermark, and whether the user is being deleted.</summary>
public readonly record struct InboxHead(DateTimeOffset? SeenWatermark, bool UserDeleting);

/// <summary>
/// Reads the counters in one range query (the folded row and its changes sort together) and folds the
/// changes into the row once enough have gathered, so reads stay short while writes never read.
/// </summary>
public sealed class InboxCounters(NotifyStorage storage)
{
    /// <summary>Changes a read tolerates before it folds them; a fold takes 99 (one transaction with the folded row).</summary>
    private const int FoldAfter = 50;
    private const int FoldBatch = 99;
    private TableClient Users => storage.Table(TableNames.Users);

    public async Task<InboxCounts> ReadAsync(string partition, CancellationToken ct)
    {
        InboxCountsRow? folded = null;
        var changes = new List<InboxCountChangeRow>();
        await foreach (var row in Users.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {TableKeys.InboxCounts} and RowKey lt {TableKeys.InboxCountsEnd}"), cancellationToken: ct))
        {
            if (row.RowKey == TableKeys.InboxCounts) folded = Folded(row);
            else changes.Add(Change(row));
        }
        folded ??= new InboxCountsRow { PartitionKey = partition, RowKey = TableKeys.InboxCounts };
        var counts = Sum(folded, changes);
        if (changes.Count >= FoldAfter) await FoldAsync(folded, changes.Take(FoldBatch).ToList(), ct);
        return counts;
    }

    /// <summary>
    /// One write whatever the inbox holds: unseen drops to zero and the watermark moves to now. It needs no
    /// ETag: a fold that read the row before it fails on its own ETag, and one after it folds onto it.
    /// </summary>
    public async Task MarkAllSeenAsync(string partition, DateTimeOffset now, CancellationToken ct) =>
        await Users.UpsertEntityAsync(new TableEntity(partition, TableKeys.InboxCounts)
        {
            [nameof(InboxCountsRow.Unseen)] = 0,
            [nameof(InboxCountsRow.SeenWatermark)] = now,
        }, TableUpdateMode.Merge, ct);

    public async Task<InboxHead> ReadHeadAsync(string partition, CancellationToken ct)
    {
        var row = await Users.GetEntityIfExistsAsync<InboxCountsRow>(partition, TableKeys.InboxCounts,
            [nameof(InboxCountsRow.SeenWatermark), nameof(InboxCountsRow.UserDeleting)], ct);
        return row.HasValue ? new InboxHead(row.Value!.SeenWatermark, row.Value.UserDeleting) : default;
    }

    /// <summary>Flags the counters row in the user row's transaction, so every inbox read sees the deletion without reading the user row.</summary>
    public static TableTransactionAction MarkUserDeleting(string partition) =>
        new(TableTransactionActionType.UpsertMerge, new TableEntity(partition, TableKeys.InboxCounts) { [nameof(InboxCountsRow.UserDeleting)] = true });

    public static TableTransactionAction Record(string partition, string key, InboxDelta delta, DateTimeOffset at, string? category) =>
        new(TableTransactionActionType.Add, new InboxCountChangeRow
        {
            PartitionKey = partition, RowKey = TableKeys.InboxCountChange(key), Total = delta.Total, Unseen = delta.Unseen, At = at, Category = category,
        });

    private static InboxCounts Sum(InboxCountsRow folded, IReadOnlyList<InboxCountChangeRow> changes)
    {
        var categories = CategoryTotals(folded);
        var total = folded.Total;
        var unseen = folded.Unseen;
        foreach (var change in changes)
        {
            total += change.Total;
            unseen += Counted(change, folded.SeenWatermark);
            if (change.Category is { } category) categories[category] = categories.GetValueOrDefault(category) + change.Total;
        }
        return new InboxCounts(Math.Max(0, total), Math.Max(0, unseen), folded.SeenWatermark, categories, folded.UserDeleting);
    }

    /// <summary>An unseen change from before the last mark-all-seen is covered by it.</summary>
    private static int Counted(InboxCountChangeRow change, DateTimeOffset? watermark) =>
        watermark is { } w && change.At <= w ? 0 : change.Unseen;

    /// <summary>
    /// Adds the changes to the folded row and deletes them in one transaction under every ETag: a fold that
    /// lost a race to another fold or to mark-all-seen changes nothing, and the next read folds again.
    /// </summary>
    private async Task FoldAsync(InboxCountsRow folded, IReadOnlyList<InboxCountChangeRow> changes, CancellationToken ct)
    {
        var sum = Sum(folded, changes);
        var next = new InboxCountsRow
        {
            PartitionKey = folded.PartitionKey, RowKey = folded.RowKey, ETag = folded.ETag,
            Total = folded.Total + changes.Sum(c => c.Total),
            Unseen = folded.Unseen + changes.Sum(c => Counted(c, folded.SeenWatermark)),
            SeenWatermark = folded.SeenWatermark,
            UserDeleting = folded.UserDeleting,
            CategoryTotalsJson = JsonSerializer.Serialize(sum.CategoryTotals),
        };
        List<TableTransactionAction> actions = [folded.ETag == default
            ? new(TableTransactionActionType.Add, next)
            : new(TableTransactionActionType.UpdateReplace, next, folded.ETag)];
        actions.AddRange(changes.Select(c => new TableTransactionAction(TableTransactionActionType.Delete, c, c.ETag)));
        try
        {
            await Users.SubmitTransactionAsync(actions, ct);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            // Another reader folded, or mark-all-seen moved the row, first; the counts read are still exact.
        }
    }

    private static Dictionary<string, int> CategoryTotals(InboxCountsRow row) =>
        row.CategoryTotalsJson is null ? new Dictionary<string, int>(StringComparer.Ordinal)
            : new Dictionary<string, int>(JsonSerializer.Deserialize<Dictionary<string, int>>(row.CategoryTotalsJson)!, StringComparer.Ordinal);

    private static InboxCountsRow Folded(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey, RowKey = row.RowKey, ETag = row.ETag,
        Total = row.GetInt32(nameof(InboxCountsRow.Total)) ?? 0,
        Unseen = row.GetInt32(nameof(InboxCountsRow.Unseen)) ?? 0,
        SeenWatermark = row.GetDateTimeOffset(nameof(InboxCountsRow.SeenWatermark)),
        UserDeleting = row.GetBoolean(nameof(InboxCountsRow.UserDeleting)) ?? false,
        CategoryTotalsJson = row.GetString(nameof(InboxCountsRow.CategoryTotalsJson)),
    };

    private static InboxCountChangeRow Change(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey, RowKey = row.RowKey, ETag = row.ETag,
        Total = row.GetInt32(nameof(InboxCountChangeRow.Total)) ?? 0,
        Unseen = row.GetInt32(nameof(InboxCountChangeRow.Unseen)) ?? 0,
        At = row.GetDateTimeOffset(nameof(InboxCountChangeRow.At)) ?? DateTimeOffset.MinValue,
        Category = row.GetString(nameof(InboxCountChangeRow.Category)),
    };
}
