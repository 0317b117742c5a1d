using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Deliveries;

/// <summary>
/// Status counts of a send, kept as change rows written in the same transaction as the records they
/// count (one per batch of records, one per status change), so totals are read without the records.
/// Each bucket partition also holds one folded row (<see cref="TableKeys.DeliveryRecords.TallyFolded"/>),
/// into which writers and readers fold the changes once enough have gathered (<see cref="TallyFolder"/>): a send
/// whose e-mails all change status otherwise leaves a change row per recipient for every later read of its totals.
/// </summary>
public static class DeliveryTally
{
    /// <summary>Changes in a partition that prompt a fold (by a writer that wrote them, or a read that found them); a fold takes 99 (one transaction with the folded row).</summary>
    public const int FoldAfter = 50;
    public const int FoldBatch = 99;

    /// <summary>A query for one bucket partition's tally rows: its folded row first, then its changes.</summary>
    public static string RowsIn(string partition) => TableClient.CreateQueryFilter(
        $"PartitionKey eq {partition} and RowKey ge {TableKeys.DeliveryRecords.TallyPrefix} and RowKey lt {TableKeys.DeliveryRecords.TallyEnd}");

    public static TableTransactionAction Add(string partition, IReadOnlyDictionary<string, int> changes)
    {
        var row = new TableEntity(partition, TableKeys.DeliveryRecords.Tally(Guid.CreateVersion7().ToString("N")));
        foreach (var (status, count) in changes.Where(c => c.Value != 0)) row[status] = count;
        return new TableTransactionAction(TableTransactionActionType.Add, row);
    }

    public static TableTransactionAction Move(string partition, string from, string to) =>
        Add(partition, new Dictionary<string, int> { [from] = -1, [to] = 1 });

    public static void AddTo(Dictionary<string, int> totals, TableEntity row)
    {
        foreach (var status in DeliveryStatus.All)
            if (row.GetInt32(status) is { } count) totals[status] = totals.GetValueOrDefault(status) + count;
    }
}
