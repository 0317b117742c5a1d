using Azure;
using Azure.Data.Tables;

namespace Notify.Core.Storage;

/// <summary>The last integer id handed out in a partition.</summary>
public sealed class SequenceRow : TableRow
{
    public int Last { get; set; }
}

/// <summary>
/// Adds rows under a new integer id in one entity-group transaction with the partition's counter, so
/// an id is never handed out twice and a taken unique key (an identifier) adds nothing at all.
/// </summary>
public static class SequencedInsert
{
    /// <returns>The new id, or null when <paramref name="uniqueRowKey"/> already exists.</returns>
    public static Task<int?> AddAsync(
        TableClient table, string partition, string uniqueRowKey, Func<int, IEnumerable<ITableEntity>> rows, CancellationToken ct) =>
        Optimistic.RetryAsync<int?>(async () =>
        {
            var stored = await table.GetEntityIfExistsAsync<SequenceRow>(partition, TableKeys.Catalog.Sequence, cancellationToken: ct);
            var counter = stored.HasValue ? stored.Value! : new SequenceRow { PartitionKey = partition, RowKey = TableKeys.Catalog.Sequence };
            counter.Last++;
            List<TableTransactionAction> actions =
            [
                stored.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, counter, counter.ETag)
                    : new(TableTransactionActionType.Add, counter),
                .. rows(counter.Last).Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)),
            ];
            try
            {
                await table.SubmitTransactionAsync(actions, ct);
                return counter.Last;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Either the key is taken, or another insert moved the counter first: only the latter is worth a retry.
                if ((await table.GetEntityIfExistsAsync<TableEntity>(partition, uniqueRowKey, ["RowKey"], ct)).HasValue)
                    return null;
                throw;
            }
        });
}
