namespace Notify.SelfHost.Queues;

/// <summary>host.json <c>extensions.queues</c>, with the Functions host's defaults.</summary>
public sealed record QueueHostOptions
{
    public int BatchSize { get; init; } = 16;
    public int NewBatchThreshold { get; init; } = 8;
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;
    public int MaxDequeueCount { get; init; } = 5;
}
