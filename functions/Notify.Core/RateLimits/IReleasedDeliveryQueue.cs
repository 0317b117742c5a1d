namespace Notify.Core.RateLimits;

/// <summary>A channel queue as the release timer sees it. The pipeline owns the message, so rate limits stay below the pipeline.</summary>
public interface IReleasedDeliveryQueue
{
    /// <summary>Queues deliveries whose budget was taken already, so their handler spends none again.</summary>
    Task QueueAsync(string appId, string channel, string sendId, IReadOnlyList<string> users, CancellationToken ct);
}
