using System.Runtime.Serialization;
using Notify.Core.Content;
using Notify.Core.Inbox;
using Notify.Core.Storage;

namespace Notify.Core.Sends;

public static class SendStatus
{
    /// <summary>Held until its send time.</summary>
    public const string Scheduled = "scheduled";
    public const string Accepted = "accepted";
    public const string FannedOut = "fannedOut";
    /// <summary>Nothing not yet delivered will be.</summary>
    public const string Cancelled = "cancelled";
}

/// <summary>
/// One accepted request to notify. Its rows (chunks, cancellations, page markers) share its commit
/// group's partition, each keyed under the send id.
/// </summary>
public sealed class SendRow : TableRow
{
    public string AppId { get; set; } = "";
    public string SendId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string Status { get; set; } = SendStatus.Accepted;
    public string? Title { get; set; }
    public string? Message { get; set; }
    public string? Icon { get; set; }
    public string? Url { get; set; }
    public string? DataJson { get; set; }
    public string? Category { get; set; }
    public int? CategoryId { get; set; }
    public string? TemplateDataJson { get; set; }
    public string? TemplateIdentifier { get; set; }
    /// <summary>An <see cref="Sends.EmailOverride"/> as JSON.</summary>
    public string? EmailOverrideJson { get; set; }
    public int RecipientCount { get; set; }
    public int ChunkCount { get; set; }
    /// <summary>Comma-separated topic ids.</summary>
    public string? TopicIds { get; set; }
    /// <summary>Comma-separated channel names; null for the default channels.</summary>
    public string? Channels { get; set; }
    public DateTimeOffset? SendAt { get; set; }
    public string? WorkflowIdentifier { get; set; }
    public string? CancellationKey { get; set; }
    /// <summary>How many messages the stacked inbox item holds after this one (the templates' <c>increment</c>); null: 1.</summary>
    public int? Increment { get; set; }
    /// <summary>Set once some recipients were cancelled, so deliveries only look them up when there are any.</summary>
    public bool HasCancelledRecipients { get; set; }
    /// <summary>
    /// The recipients of a send committed in a group (<see cref="Pipeline.SendCommitter"/>): at most one chunk's
    /// worth, carried on the row itself, so fan-out reads a whole group in one query. Null otherwise.
    /// </summary>
    public string? RecipientsJson { get; set; }
    /// <summary>
    /// Set on a one-recipient send committed in a group (<see cref="Pipeline.SendCommitter"/>): its item id carries
    /// this bucket, the group's, instead of its user's, so the id-index rows of the group's sends share one partition
    /// and are written in one transaction. Null: the user's bucket.
    /// </summary>
    public int? ItemIdBucket { get; set; }
    /// <summary><see cref="Answers.ItemActions"/> as JSON, copied onto every item.</summary>
    public string? ActionsJson { get; set; }

    /// <summary>The id of the send's item in the user's inbox; the same whenever it is computed.</summary>
    public long ItemIdFor(string userId) =>
        NotificationIds.For(AppId, SendId, userId, ItemIdBucket ?? TableKeys.UserBucket(userId));

    /// <summary>The content columns as one record: the one place a send's content meets its stored shape.</summary>
    [IgnoreDataMember]
    public NotificationContent Content
    {
        get => new(Title, Message, Icon, Url, DataJson, Category);
        set => (Title, Message, Icon, Url, DataJson, Category) = (value.Title, value.Message, value.Icon, value.Url, value.DataJson, value.Category);
    }

    [IgnoreDataMember]
    public IReadOnlyList<int> TopicIdList =>
        string.IsNullOrEmpty(TopicIds) ? [] : TopicIds.Split(',').Select(int.Parse).ToList();
}

/// <summary>Up to a chunk's worth of recipients (identifier + inline profile) as a JSON array.</summary>
public sealed class RecipientChunkRow : TableRow
{
    public string RecipientsJson { get; set; } = "[]";
}

/// <summary>A recipient cancelled through <c>cancelFor.recipients</c>; deliveries skip them.</summary>
public sealed class CancelledRecipientRow : TableRow
{
    public string UserId { get; set; } = "";
}

/// <summary>Marks that the message for the page after this one was queued, so a repeated page does not start a second chain.</summary>
public sealed class TopicPageRow : TableRow;
