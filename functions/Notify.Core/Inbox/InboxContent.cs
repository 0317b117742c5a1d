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
    string? Category)
{
    /// <summary>The send's <see cref="Answers.ItemActions"/> as JSON; null for an item that asks nothing.</summary>
    public string? ActionsJson { get; init; }
}

public sealed record InboxPage(int TotalCount, int UnreadCount, IReadOnlyList<InboxItemRow> Items);
