using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Deliveries;

/// <summary>
/// Status counts of a send, kept as change rows written in the same transaction as the records they
/// count (one per batch of records, one per status change), so totals are read without the records.
/// </summary>
public static class DeliveryTally
{
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
