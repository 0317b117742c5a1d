using Notify.Core.Users;

namespace Notify.Core.Inbox;

public enum InboxChange { Seen, Unseen, Clicked, Unread, Deleted }

/// <summary>Applies a change to an item and the counters it moves; the store writes both in one transaction.</summary>
public static class InboxChanges
{
    /// <summary>Returns false when the item already is in the requested state, so nothing needs writing.</summary>
    public static bool Apply(InboxChange change, InboxItemRow item, UserRow user, DateTimeOffset now)
    {
        switch (change)
        {
            case InboxChange.Seen:
                return MarkSeen(item, user, now);
            case InboxChange.Clicked:
                var wasClicked = item.ClickedAt is not null;
                item.ClickedAt ??= now;
                return MarkSeen(item, user, now) | !wasClicked;
            case InboxChange.Unread:
                if (item.ClickedAt is null) return false;
                item.ClickedAt = null;
                return true;
            case InboxChange.Unseen:
                if (!item.Seen) return false;
                item.Seen = false;
                item.SeenAt = null;
                user.UnseenCount++;
                return true;
            case InboxChange.Deleted:
                user.TotalCount = Math.Max(0, user.TotalCount - 1);
                if (!item.Seen) user.UnseenCount = Math.Max(0, user.UnseenCount - 1);
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }

    private static bool MarkSeen(InboxItemRow item, UserRow user, DateTimeOffset now)
    {
        if (item.Seen) return false;
        item.Seen = true;
        item.SeenAt = now;
        user.UnseenCount = Math.Max(0, user.UnseenCount - 1);
        return true;
    }
}
