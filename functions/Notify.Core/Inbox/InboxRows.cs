using System.Runtime.Serialization;
using Notify.Core.Content;
using Notify.Core.Storage;

namespace Notify.Core.Inbox;

/// <summary>One notification in one user's inbox. Its row key sorts newest first.</summary>
public sealed class InboxItemRow : TableRow
{
    public long Id { get; set; }
    public string SendId { get; set; } = "";
    public string? Title { get; set; }
    public string? Message { get; set; }
    public string? Icon { get; set; }
    public string? Url { get; set; }
    public string? DataJson { get; set; }
    public string? Category { get; set; }
    public string? FeedId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool Seen { get; set; }
    public DateTimeOffset? SeenAt { get; set; }
    public DateTimeOffset? ClickedAt { get; set; }
    /// <summary>The batch API's notification the item came from; null for v3 sends.</summary>
    public string? NotificationId { get; set; }
    /// <summary>How many stacked messages the item holds; null for an item that never stacked.</summary>
    public int? Increment { get; set; }
    /// <summary>When <see cref="Seen"/> was last set (by the delivery or a change); mark-all-seen's watermark covers it when not later.</summary>
    public DateTimeOffset? SeenChangedAt { get; set; }

    /// <summary>The content columns as one record: the one place an item's content meets its stored shape.</summary>
    [IgnoreDataMember]
    public NotificationContent Content
    {
        get => new(Title, Message, Icon, Url, DataJson, Category);
        set => (Title, Message, Icon, Url, DataJson, Category) = (value.Title, value.Message, value.Icon, value.Url, value.DataJson, value.Category);
    }

    /// <summary>An unseen item from before the user's last mark-all-seen reads as seen then.</summary>
    public InboxItemRow WithWatermark(DateTimeOffset? seenWatermark)
    {
        if (!Seen && seenWatermark is { } watermark && (SeenChangedAt ?? DateTimeOffset.MinValue) <= watermark)
        {
            Seen = true;
            SeenAt = watermark;
        }
        return this;
    }
    public string? ActionsJson { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>The actions the user chose, as JSON.</summary>
    public string? AnswerJson { get; set; }
    /// <summary>The first registered device the item was shown on.</summary>
    public string? DeviceId { get; set; }
    public DateTimeOffset? DeviceReachedAt { get; set; }
}

/// <summary>Points from a category's range to an item, so a category page reads only its own items.</summary>
public sealed class InboxCategoryRow : TableRow;

/// <summary>
/// Maps an item id to its row key inside the user's partition. It outlives a deleted item as a
/// tombstone, so a redelivered message cannot bring the item back.
/// </summary>
public sealed class InboxIdRow : TableRow
{
    public string ItemRowKey { get; set; } = "";
    public bool Deleted { get; set; }

    /// <summary>What the user had done with the item before deleting it, kept for whoever sent it.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    public DateTimeOffset? ClickedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? AnswerJson { get; set; }
    public string? DeviceId { get; set; }
    public DateTimeOffset? DeviceReachedAt { get; set; }

    public static string KeyFor(long id) => TableKeys.InboxId(id);

    public static InboxIdRow Tombstone(InboxItemRow item, DateTimeOffset now) => new()
    {
        PartitionKey = item.PartitionKey,
        RowKey = KeyFor(item.Id),
        ItemRowKey = item.RowKey,
        Deleted = true,
        DeletedAt = now,
        ClickedAt = item.ClickedAt,
        AnsweredAt = item.AnsweredAt,
        AnswerJson = item.AnswerJson,
        DeviceId = item.DeviceId,
        DeviceReachedAt = item.DeviceReachedAt,
    };
}

/// <summary>App-wide id → user index, for backend calls that name an item but no user.</summary>
public sealed class NotificationIndexRow : TableRow
{
    public string UserId { get; set; } = "";
}
