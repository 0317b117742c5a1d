using Azure.Data.Tables;
using Notify.Core.Deliveries;
using Notify.Core.Storage;

namespace Notify.Tests.Delivery;

/// <summary>How a read of tally rows over pages sums them, and which partitions it reads again or folds.</summary>
public sealed class DeliveryTallyReaderTests
{
    [Fact]
    public void Should_read_again_a_partition_whose_page_ended_within_a_folds_reach_and_count_its_second_read()
    {
        var reader = new DeliveryTallyReader();
        reader.Add(Folded("p1", sent: 10));
        reader.Add(Change("p1", "a", sent: 1));
        reader.PageEnded();
        // Another reader folded "a" and "b" into p1's folded row meanwhile; this page starts after them.
        reader.Add(Change("p1", "c", sent: 1));
        reader.Add(Change("p2", "a", skipped: 2));

        Assert.Equal(["p1"], reader.Cut);
        reader.Replace("p1", [Folded("p1", sent: 12), Change("p1", "c", sent: 1)]);

        var totals = reader.Totals();
        Assert.Equal(13, totals[DeliveryStatus.Sent]);
        Assert.Equal(2, totals[DeliveryStatus.Skipped]);
    }

    [Fact]
    public void Should_not_read_again_a_partition_whose_page_ended_past_a_folds_reach()
    {
        var reader = new DeliveryTallyReader();
        reader.Add(Folded("p1", sent: 0));
        foreach (var i in Enumerable.Range(0, DeliveryTally.FoldBatch)) reader.Add(Change("p1", $"{i:D3}", sent: 1));
        reader.PageEnded();
        reader.Add(Change("p1", "999", sent: 1));

        Assert.Empty(reader.Cut);
        Assert.Equal(DeliveryTally.FoldBatch + 1, reader.Totals()[DeliveryStatus.Sent]);
        var fold = Assert.Single(reader.Folds);
        Assert.Equal(DeliveryTally.FoldBatch, fold.Changes.Count);
        Assert.Equal(DeliveryTally.FoldBatch + 1, fold.Actions().Count);
    }

    [Fact]
    public void Should_fold_only_partitions_with_enough_changes()
    {
        var reader = new DeliveryTallyReader();
        foreach (var i in Enumerable.Range(0, DeliveryTally.FoldAfter - 1)) reader.Add(Change("p1", $"{i:D3}", sent: 1));

        Assert.Empty(reader.Folds);
        reader.Add(Change("p1", "zzz", sent: 1));
        var fold = Assert.Single(reader.Folds);
        Assert.Equal(TableTransactionActionType.Add, fold.Actions()[0].ActionType);
        Assert.Equal(DeliveryTally.FoldAfter, ((TableEntity)fold.Actions()[0].Entity).GetInt32(DeliveryStatus.Sent));
    }

    private static TableEntity Folded(string partition, int sent) =>
        new(partition, TableKeys.DeliveryRecords.TallyFolded) { [DeliveryStatus.Sent] = sent };

    private static TableEntity Change(string partition, string key, int sent = 0, int skipped = 0)
    {
        var row = new TableEntity(partition, TableKeys.DeliveryRecords.Tally(key));
        if (sent != 0) row[DeliveryStatus.Sent] = sent;
        if (skipped != 0) row[DeliveryStatus.Skipped] = skipped;
        return row;
    }
}
