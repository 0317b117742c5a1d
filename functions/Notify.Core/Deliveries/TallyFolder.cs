using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Deliveries;

/// <summary>
/// Folds tally changes into their partition's folded row, as writers go and after reads. Writers count the changes
/// this instance wrote per partition and fold every <see cref="DeliveryTally.FoldAfter"/>th, so a partition holds
/// about that many changes per instance writing to it, and a send whose e-mails all changed status still has short
/// totals at its first read. A fold only shortens reads: one that fails, for a race lost or any other reason,
/// leaves its changes to the next.
/// </summary>
public sealed class TallyFolder(NotifyStorage storage)
{
    /// <summary>Partitions counted at once; past it the counts start again, which only delays some folds.</summary>
    private const int MaxPartitionsCounted = 100_000;
    private readonly ConcurrentDictionary<string, int> changesSinceFold = new(StringComparer.Ordinal);
    private TableClient Table => storage.Table(TableNames.Deliveries);

    /// <summary>A transaction with a tally change in <paramref name="partition"/> was written.</summary>
    public async Task ChangedAsync(string partition)
    {
        if (changesSinceFold.AddOrUpdate(partition, 1, (_, n) => n + 1) < DeliveryTally.FoldAfter) return;
        changesSinceFold.TryRemove(partition, out _);
        if (changesSinceFold.Count > MaxPartitionsCounted) changesSinceFold.Clear();
        try
        {
            // The folded row and the changes a fold takes come first in the partition.
            var reader = new DeliveryTallyReader();
            await foreach (var row in Table.QueryAsync<TableEntity>(DeliveryTally.RowsIn(partition), maxPerPage: DeliveryTally.FoldBatch + 1).Take(DeliveryTally.FoldBatch + 1))
                reader.Add(row);
            foreach (var fold in reader.Folds) await FoldAsync(fold, CancellationToken.None);
        }
        catch (RequestFailedException)
        {
        }
    }

    public async Task FoldAsync(TallyFold fold, CancellationToken ct)
    {
        try
        {
            await Table.SubmitTransactionAsync(fold.Actions(), ct);
        }
        catch (RequestFailedException)
        {
        }
    }
}
