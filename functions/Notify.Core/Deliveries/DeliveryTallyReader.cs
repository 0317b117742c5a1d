using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Deliveries;

/// <summary>
/// Sums a send's tally rows as one query returns them (in key order, so partition by partition, over pages), and
/// notes the partitions worth folding, keeping at most one fold's worth of rows of each.
/// </summary>
/// <remarks>
/// A fold takes a partition's folded row and its first 99 changes. A read that saw all of those, or none, sums the
/// partition right whatever another reader folds meanwhile; one whose page ended among them may have missed rows that
/// a fold moved into the folded row it had already read. Such a partition is <see cref="Cut"/> and read again alone:
/// a one-partition query's first page (up to 1,000 rows) holds them all.
/// </remarks>
public sealed class DeliveryTallyReader
{
    private readonly Dictionary<string, PartitionTally> partitions = new(StringComparer.Ordinal);
    private PartitionTally? current;

    public void Add(TableEntity row)
    {
        if (current?.Partition != row.PartitionKey)
            partitions[row.PartitionKey] = current = new PartitionTally(row.PartitionKey);
        current.Add(row);
    }

    public void PageEnded()
    {
        if (current is { Rows: <= DeliveryTally.FoldBatch }) current.Cut = true;
    }

    public IReadOnlyList<string> Cut => [.. partitions.Values.Where(p => p.Cut).Select(p => p.Partition)];

    /// <summary>Puts a partition's rows, read again alone, in place of what the first read counted of it.</summary>
    public void Replace(string partition, IEnumerable<TableEntity> rows)
    {
        var tally = partitions[partition] = new PartitionTally(partition);
        foreach (var row in rows) tally.Add(row);
    }

    public Dictionary<string, int> Totals()
    {
        var totals = DeliveryStatus.All.ToDictionary(s => s, _ => 0);
        foreach (var tally in partitions.Values)
            foreach (var (status, count) in tally.Sums)
                totals[status] = totals.GetValueOrDefault(status) + count;
        return totals;
    }

    public IReadOnlyList<TallyFold> Folds => [.. partitions.Values.Where(p => p.Changes.Count >= DeliveryTally.FoldAfter).Select(p => new TallyFold(p.Partition, p.Folded, p.Changes))];

    private sealed class PartitionTally(string partition)
    {
        public string Partition { get; } = partition;
        public Dictionary<string, int> Sums { get; } = [];
        public TableEntity? Folded { get; private set; }
        public List<TableEntity> Changes { get; } = [];
        public int Rows { get; private set; }
        public bool Cut { get; set; }

        public void Add(TableEntity row)
        {
            DeliveryTally.AddTo(Sums, row);
            Rows++;
            if (row.RowKey == TableKeys.DeliveryRecords.TallyFolded) Folded = row;
            else if (Changes.Count < DeliveryTally.FoldBatch) Changes.Add(row);
        }
    }
}

/// <summary>A partition's folded row (none yet: null) and the changes to fold into it.</summary>
public sealed record TallyFold(string Partition, TableEntity? Folded, IReadOnlyList<TableEntity> Changes)
{
    /// <summary>
    /// The folded row with the changes added, and the changes deleted, under every ETag: of two readers folding at
    /// once one transaction fails whole, so nothing is counted twice.
    /// </summary>
    public IReadOnlyList<TableTransactionAction> Actions()
    {
        var sums = new Dictionary<string, int>();
        if (Folded is not null) DeliveryTally.AddTo(sums, Folded);
        foreach (var change in Changes) DeliveryTally.AddTo(sums, change);
        var next = new TableEntity(Partition, TableKeys.DeliveryRecords.TallyFolded);
        foreach (var (status, count) in sums) next[status] = count;
        return
        [
            Folded is null ? new(TableTransactionActionType.Add, next) : new(TableTransactionActionType.UpdateReplace, next, Folded.ETag),
            .. Changes.Select(c => new TableTransactionAction(TableTransactionActionType.Delete, c, c.ETag)),
        ];
    }
}
