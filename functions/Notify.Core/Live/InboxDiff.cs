using Notify.Core.Inbox;

namespace Notify.Core.Live;

/// <summary>What happened between two reads of an inbox's head (newest first), as stream events.</summary>
public static class InboxDiff
{
    public static List<(LiveEventKind Kind, InboxItemRow? Item, long? Id)> Between(
        IReadOnlyList<InboxItemRow> before, IReadOnlyList<InboxItemRow> after, int window, IReadOnlySet<long> deletedHere)
    {
        var changes = new List<(LiveEventKind, InboxItemRow?, long?)>();
        var old = before.ToDictionary(i => i.Id);
        var now = after.ToDictionary(i => i.Id);
        // An item missing from a full head may only have moved below it; one above the head's last row is gone.
        foreach (var item in before.Where(i => !now.ContainsKey(i.Id) && (deletedHere.Contains(i.Id) || Within(i, after, window))))
            changes.Add((LiveEventKind.Deleted, null, item.Id));
        foreach (var id in deletedHere.Where(id => !old.ContainsKey(id) && !now.ContainsKey(id)))
            changes.Add((LiveEventKind.Deleted, null, id));
        // Oldest first, so a client that puts each new item on top ends in the inbox's order.
        foreach (var item in after.Reverse().Where(i => !old.ContainsKey(i.Id) && Within(i, before, window)))
            changes.Add((LiveEventKind.Added, item, null));
        foreach (var item in after.Where(i => old.TryGetValue(i.Id, out var was) && !Equals(State(was), State(i))))
            changes.Add((LiveEventKind.Changed, item, null));
        return changes;
    }

    private static bool Within(InboxItemRow item, IReadOnlyList<InboxItemRow> head, int window) =>
        head.Count < window || string.CompareOrdinal(item.RowKey, head[^1].RowKey) < 0;

    private static object State(InboxItemRow i) => (i.Seen, i.SeenAt, i.ClickedAt, i.AnsweredAt, i.Increment, i.Content);
}
