namespace Notify.SelfHost.Queues;

/// <summary>host.json <c>extensions.queues</c>, with the Functions host's defaults.</summary>
public sealed record QueueHostOptions
{
    public int BatchSize { get; init; } = 16;
    public int NewBatchThreshold { get; init; } = 8;
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>
    /// How long a received message stays hidden; renewed every third of it while its handler runs, so a
    /// long handler keeps its message and a killed host's messages come back within this time. (The
    /// Functions host holds its messages on its own lease, which it renews likewise.)
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);
}
