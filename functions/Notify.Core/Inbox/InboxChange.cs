namespace Notify.Core.Inbox;

public enum InboxChange { Seen, Unseen, Clicked, Unread, Deleted }

/// <summary>Applies a change to an item (its watermark already applied) and says what it does to the counters.</summary>
public static class InboxChanges
{
    /// <summary>Null when the item already is in the requested state, so nothing needs writing.</summary>
    public static InboxDelta? Apply(InboxChange change, InboxItemRow item, DateTimeOffset now)
    {
        switch (change)
        {
            case InboxChange.Seen:
                return MarkSeen(item, now);
            case InboxChange.Clicked:
                var wasClicked = item.ClickedAt is not null;
                item.ClickedAt ??= now;
                return MarkSeen(item, now) ?? (wasClicked ? null : InboxDelta.None);
            case InboxChange.Unread:
                if (item.ClickedAt is null) return null;
                item.ClickedAt = null;
                return InboxDelta.None;
            case InboxChange.Unseen:
                if (!item.Seen) return null;
                item.Seen = false;
                item.SeenAt = null;
                item.SeenChangedAt = now;
                return new InboxDelta(0, 1);
            case InboxChange.Deleted:
                return new InboxDelta(-1, item.Seen ? 0 : -1);
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }

    private static InboxDelta? MarkSeen(InboxItemRow item, DateTimeOffset now)
    {
        if (item.Seen) return null;
        item.Seen = true;
        item.SeenAt = now;
        item.SeenChangedAt = now;
        return new InboxDelta(0, -1);
    }
}
