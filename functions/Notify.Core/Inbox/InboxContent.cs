using Notify.Core.Content;

namespace Notify.Core.Inbox;

/// <summary>
/// What a send puts in each recipient's inbox. CreatedAt is the send's, so a retry writes the same row key.
/// <paramref name="FeedId"/> marks a notification sent through a feed, so the feed's subscriber page can list its own.
/// </summary>
public sealed record InboxContent(string SendId, DateTimeOffset CreatedAt, NotificationContent Content, string? FeedId = null)
{
    public string? NotificationId { get; init; }
    public int? Increment { get; init; }
    /// <summary>The send's <see cref="Answers.ItemActions"/> as JSON; null for an item that asks nothing.</summary>
    public string? ActionsJson { get; init; }
}

/// <param name="NextCursor">Where the next page starts (null on the last page); passing it back reads that page without reading this one again.</param>
public sealed record InboxPage(int TotalCount, int UnreadCount, IReadOnlyList<InboxItemRow> Items, string? NextCursor);
