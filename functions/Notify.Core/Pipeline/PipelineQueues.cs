using Notify.Core.RateLimits;
using Notify.Core.Scheduling;
using Notify.Core.Storage;

namespace Notify.Core.Pipeline;

/// <summary>Queues pipeline messages for the areas below the pipeline, which know its queues only through their own interfaces.</summary>
public sealed class PipelineQueues(NotifyStorage storage) : IDueSendQueue, IReleasedDeliveryQueue
{
    public Task QueueAsync(string appId, string sendId, TimeSpan? delay, CancellationToken ct) =>
        storage.EnqueueAsync(QueueNames.Sends, new SendMessage(appId, sendId), delay, ct);

    public Task QueueAsync(string appId, string channel, string sendId, IReadOnlyList<string> users, CancellationToken ct) =>
        storage.EnqueueAsync(channel, new ChannelMessage(appId, sendId, channel, users, Released: true), null, ct);
}
