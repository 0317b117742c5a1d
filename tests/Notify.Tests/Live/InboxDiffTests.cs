using Notify.Core.Inbox;
using Notify.Core.Live;
using Notify.Core.Storage;

namespace Notify.Tests.Live;

public sealed class InboxDiffTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_report_new_items_oldest_first()
    {
        var changes = InboxDiff.Between([Item(1)], [Item(3), Item(2), Item(1)], 20, new HashSet<long>());
        Assert.Equal([(LiveEventKind.Added, 2L), (LiveEventKind.Added, 3L)], changes.Select(c => (c.Kind, c.Item!.Id)));
    }

    [Fact]
    public void Should_not_call_an_item_pushed_below_a_full_head_deleted()
    {
        var changes = InboxDiff.Between([Item(2), Item(1)], [Item(3), Item(2)], 2, new HashSet<long>());
        Assert.Equal([(LiveEventKind.Added, 3L)], changes.Select(c => (c.Kind, c.Item?.Id ?? c.Id!.Value)));
    }

    [Fact]
    public void Should_not_call_an_item_risen_into_the_head_new()
    {
        var changes = InboxDiff.Between([Item(3), Item(2)], [Item(3), Item(1)], 2, new HashSet<long>());
        Assert.Equal([(LiveEventKind.Deleted, 2L)], changes.Select(c => (c.Kind, c.Id!.Value)));
    }

    [Fact]
    public void Should_report_a_deletion_this_process_made_beyond_the_head()
    {
        var changes = InboxDiff.Between([Item(3), Item(2)], [Item(3), Item(2)], 2, new HashSet<long> { 1 });
        Assert.Equal([(LiveEventKind.Deleted, 1L)], changes.Select(c => (c.Kind, c.Id!.Value)));
    }

    [Fact]
    public void Should_report_a_changed_state_and_nothing_for_an_unchanged_item()
    {
        var read = Item(2);
        read.ClickedAt = Start;
        var changes = InboxDiff.Between([Item(2), Item(1)], [read, Item(1)], 20, new HashSet<long>());
        Assert.Equal([(LiveEventKind.Changed, 2L)], changes.Select(c => (c.Kind, c.Item!.Id)));
    }

    /// <summary>Item n was created n minutes after the start, so higher ids are newer and sort first.</summary>
    private static InboxItemRow Item(long id)
    {
        var created = Start.AddMinutes(id);
        return new InboxItemRow { PartitionKey = "a|u", RowKey = TableKeys.InboxItem(created, id), Id = id, CreatedAt = created, Title = $"Item {id}" };
    }
}
