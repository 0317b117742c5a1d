using Notify.Core.Storage;

namespace Notify.Core.DeadLetters;

public static class DeadLetterKind
{
    /// <summary>A pipeline message the host gave up on after its last dequeue, unchanged: replayed onto its own queue.</summary>
    public const string Poison = "poison";

    /// <summary>A channel delivery that failed after its last attempt (<c>FailedChannelDelivery</c>): replayed as a new delivery attempt.</summary>
    public const string Failed = "failed";
}

/// <summary>A queue where work that did not succeed waits for an operator, and the queue its work came from.</summary>
public sealed record DeadLetterQueue(string Name, string Kind, string Source)
{
    public static readonly IReadOnlyList<DeadLetterQueue> All =
    [
        .. QueueNames.All.Select(q => new DeadLetterQueue(QueueNames.Poison(q), DeadLetterKind.Poison, q)),
        .. QueueNames.Channels.Select(q => new DeadLetterQueue(QueueNames.Failed(q), DeadLetterKind.Failed, q)),
    ];

    public static DeadLetterQueue? Find(string name) => All.FirstOrDefault(q => q.Name == name);
}
