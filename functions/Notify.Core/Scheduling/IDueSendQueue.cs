namespace Notify.Core.Scheduling;

/// <summary>The sends queue as schedules see it. The pipeline owns the message, so scheduling stays below the pipeline.</summary>
public interface IDueSendQueue
{
    /// <param name="delay">How long the message stays hidden; null for at once.</param>
    Task QueueAsync(string appId, string sendId, TimeSpan? delay, CancellationToken ct);
}
