namespace Notify.Core.Pipeline;

/// <summary>
/// On the <c>sends</c> queue: fan one accepted send out into delivery messages, or, with
/// <paramref name="Batch"/>, every send of one commit group (<see cref="Sends.SendCommitter"/>).
/// </summary>
public sealed record SendMessage(string AppId, string SendId, IReadOnlyList<string>? Batch = null);

/// <summary>On the <c>deliveries</c> queue: deliver one recipient chunk of a send.</summary>
public sealed record DeliveryMessage(string AppId, string SendId, int Chunk);

/// <summary>
/// On the <c>topicpages</c> queue: deliver one page of one bucket of a topic's members, and queue the
/// page after it. <paramref name="Continuation"/> is the table continuation token of this page (null: the first).
/// </summary>
public sealed record TopicPageMessage(string AppId, string SendId, int TopicId, int Bucket, int Page, string? Continuation);

/// <summary>
/// On a channel queue (<c>email</c>, <c>webhook</c>): deliver one send on that channel to these users.
/// <see cref="Released"/> messages come from the release timer, which already took their rate budget.
/// </summary>
public sealed record ChannelMessage(string AppId, string SendId, string Channel, IReadOnlyList<string> Users, bool Released);

/// <summary>
/// On the <c>userdeletions</c> queue: remove one page of a deleted user's rows, then queue the next page.
/// <paramref name="Continuation"/> is the table continuation token of this page (null: a pass from the start);
/// <paramref name="PassETag"/> the user row's ETag when the pass began, so rows written during it cause another pass.
/// </summary>
public sealed record UserDeletionMessage(string AppId, string UserId, string? Continuation, string? PassETag);
