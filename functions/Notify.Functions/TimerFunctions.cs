using Microsoft.Azure.Functions.Worker;
using Notify.Core.RateLimits;
using Notify.Core.Scheduling;

namespace Notify.Functions;

/// <summary>One timer per entry of Notify.Core.Pipeline.TimerJobs, named and scheduled as the job is.</summary>
public sealed class TimerFunctions(ScheduleReleaseJob releaseSchedules, ReleaseWaitingJob releaseWaiting)
{
    [Function(ScheduleReleaseJob.Name)]
    public Task ReleaseSchedules([TimerTrigger(ScheduleReleaseJob.Schedule)] TimerInfo timer, CancellationToken ct) =>
        releaseSchedules.RunAsync(ct);

    [Function(ReleaseWaitingJob.Name)]
    public Task ReleaseWaitingDeliveries([TimerTrigger(ReleaseWaitingJob.Schedule)] TimerInfo timer, CancellationToken ct) =>
        releaseWaiting.RunAsync(ct);
}
