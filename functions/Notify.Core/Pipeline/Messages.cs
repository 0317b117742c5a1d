namespace Notify.Core.Pipeline;

/// <summary>On the <c>sends</c> queue: fan one accepted send out into delivery messages.</summary>
public sealed record SendMessage(string AppId, string SendId);

/// <summary>On the <c>deliveries</c> queue: deliver one recipient chunk of a send.</summary>
public sealed record DeliveryMessage(string AppId, string SendId, int Chunk);

/// <summary>
/// On the <c>topicpages</c> queue: deliver one page of one bucket of a topic's members, and queue the
/// page after it. <paramref name="Continuation"/> is the table continuation token of this page (null: the first).
/// </summary>
public sealed record TopicPageMessage(string AppId, string SendId, int TopicId, int Bucket, int Page, string? Continuation);
