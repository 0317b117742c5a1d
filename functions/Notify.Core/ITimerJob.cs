namespace Notify.Core;

/// <summary>Periodic work that only starts things (releasing held work, refilling budgets); the handler must tolerate overlap and repeats.</summary>
public interface ITimerJob
{
    Task RunAsync(CancellationToken ct);
}
