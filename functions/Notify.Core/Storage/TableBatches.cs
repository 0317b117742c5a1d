using Azure;
using Azure.Data.Tables;

namespace Notify.Core.Storage;

/// <summary>Entity-group transactions within Azure's rules: one partition and at most 100 entities each.</summary>
public static class TableBatches
{
    public const int MaxEntities = 100;

    /// <summary>
    /// Deletes rows a transaction per partition and hundred; a row gone already is no error. (A transaction
    /// fails whole when one of its rows is missing, where a single delete of a missing row succeeds.)
    /// </summary>
    public static async Task DeleteAsync(TableClient table, IEnumerable<ITableEntity> rows, CancellationToken ct)
    {
        foreach (var batch in rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(MaxEntities)))
        {
            try
            {
                await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), ct);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                await Task.WhenAll(batch.Select(r => table.DeleteEntityAsync(r.PartitionKey, r.RowKey, ETag.All, ct)));
            }
        }
    }
}
