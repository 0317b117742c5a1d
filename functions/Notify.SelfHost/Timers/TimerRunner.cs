using Cronos;
using Notify.Core;
using Notify.Core.Pipeline;

namespace Notify.SelfHost.Timers;

/// <summary>Runs every timer job on its NCRONTAB schedule. A failed run is logged and not retried, as in Functions.</summary>
public sealed class TimerRunner(IServiceProvider services, TimeProvider clock, ILogger<TimerRunner> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(TimerJobs.All.Select(job => RunAsync(job, stoppingToken)));

    private async Task RunAsync(TimerJob job, CancellationToken stopping)
    {
        var schedule = CronExpression.Parse(job.Schedule, CronFormat.IncludeSeconds);
        var handler = (ITimerJob)services.GetRequiredService(job.Handler);
        while (!stopping.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = schedule.GetNextOccurrence(now.UtcDateTime, TimeZoneInfo.Utc);
            if (next is null) return;
            try
            {
                await Task.Delay(next.Value - now.UtcDateTime, clock, stopping);
                await handler.RunAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Timer {Timer} failed", job.Name);
            }
        }
    }
}
