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

/// <summary>What lands on a channel's poison queue after a delivery's last attempt: enough to replay it.</summary>
public sealed record FailedChannelDelivery(string AppId, string SendId, string Channel, string UserId, int Attempts, string? LastError);
