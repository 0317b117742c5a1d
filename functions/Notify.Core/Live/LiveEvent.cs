using Notify.Core.Inbox;

namespace Notify.Core.Live;

public enum LiveEventKind
{
    /// <summary>A new item at the top of the inbox.</summary>
    Added,
    /// <summary>An item's state or content changed (read, seen, answered, restacked).</summary>
    Changed,
    /// <summary>An item was deleted.</summary>
    Deleted,
    /// <summary>The counts changed.</summary>
    Counts,
}

/// <summary>One change a stream passes on. <see cref="Sequence"/> orders a watch's events; a client resumes after one.</summary>
public sealed record LiveEvent(long Sequence, LiveEventKind Kind, InboxItemRow? Item, long? ItemId, LiveCounts Counts);

public readonly record struct LiveCounts(int Unread, int Total);
