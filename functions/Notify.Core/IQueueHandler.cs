namespace Notify.Core;

/// <summary>One pipeline stage. Messages arrive at least once, so handling one twice must change nothing.</summary>
public interface IQueueHandler<in TMessage>
{
    Task HandleAsync(TMessage message, long dequeueCount, CancellationToken ct);
}
