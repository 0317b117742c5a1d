using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Deliveries;

/// <summary>
/// Status counts of a send, kept as change rows written in the same transaction as the records they
/// count (one per batch of records, one per status change), so totals are read without the records.
/// Each bucket partition also holds one folded row (<see cref="TableKeys.DeliveryRecords.TallyFolded"/>),
/// into which a reader folds the changes once enough have gathered: a send whose e-mails all change status
/// otherwise leaves a change row per recipient for every later read of its totals.
/// </summary>
public static class DeliveryTally
{
    /// <summary>Changes in a partition a read tolerates before it folds them; a fold takes 99 (one transaction with the folded row).</summary>
    public const int FoldAfter = 50;
    private const int FoldBatch = 99;

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

    /// <summary>
    /// Sums the tally rows of a send as they are read (in key order, so partition by partition), and notes the
    /// partitions worth folding, keeping at most one fold's worth of rows of each.
    /// </summary>
    public sealed class Reader
    {
        private readonly List<Fold> folds = [];
        private Fold? current;

        public Dictionary<string, int> Totals { get; } = DeliveryStatus.All.ToDictionary(s => s, _ => 0);

        public IReadOnlyList<Fold> Folds => [.. folds.Append(current).OfType<Fold>().Where(f => f.Changes.Count >= FoldAfter)];

        public void Add(TableEntity row)
        {
            AddTo(Totals, row);
            if (current?.Partition != row.PartitionKey)
            {
                if (current is not null) folds.Add(current);
                current = new Fold(row.PartitionKey);
            }
            if (row.RowKey == TableKeys.DeliveryRecords.TallyFolded) current.Folded = row;
            else if (current.Changes.Count < FoldBatch) current.Changes.Add(row);
        }
    }

    /// <summary>A partition's folded row (none yet: null) and changes to fold into it.</summary>
    public sealed class Fold(string partition)
    {
        public string Partition { get; } = partition;
        public TableEntity? Folded { get; set; }
        public List<TableEntity> Changes { get; } = [];

        /// <summary>
        /// The folded row with the changes added, and the changes deleted, under every ETag: of two readers folding
        /// at once one transaction fails whole, so nothing is counted twice.
        /// </summary>
        public IReadOnlyList<TableTransactionAction> Actions()
        {
            var sums = new Dictionary<string, int>();
            if (Folded is not null) AddTo(sums, Folded);
            foreach (var change in Changes) AddTo(sums, change);
            var next = new TableEntity(Partition, TableKeys.DeliveryRecords.TallyFolded);
            foreach (var (status, count) in sums) next[status] = count;
            return
            [
                Folded is null ? new(TableTransactionActionType.Add, next) : new(TableTransactionActionType.UpdateReplace, next, Folded.ETag),
                .. Changes.Select(c => new TableTransactionAction(TableTransactionActionType.Delete, c, c.ETag)),
            ];
        }
    }
}
