namespace Notify.Core.Inbox;

/// <summary>What a send puts in each recipient's inbox. CreatedAt is the send's, so a retry writes the same row key.</summary>
public sealed record InboxContent(
    string SendId,
    DateTimeOffset CreatedAt,
    string? Title,
    string? Message,
    string? Icon,
    string? Url,
    string? DataJson,
    string? Category);

/// <param name="NextCursor">Where the next page starts (null on the last page); passing it back reads that page without reading this one again.</param>
public sealed record InboxPage(int TotalCount, int UnreadCount, IReadOnlyList<InboxItemRow> Items, string? NextCursor);
