using Notify.Core.RateLimits;
using Notify.Core.Scheduling;

namespace Notify.Core.Pipeline;

/// <summary>A timer job and its six-field NCRONTAB schedule (seconds first, UTC), as the Functions timer trigger takes it.</summary>
public sealed record TimerJob(string Name, string Schedule, Type Handler);

public static class TimerJobs
{
    /// <summary>Every timer; the Functions app declares one timer trigger for each, with the same schedule.</summary>
    public static readonly IReadOnlyList<TimerJob> All =
    [
        new(ScheduleReleaseJob.Name, ScheduleReleaseJob.Schedule, typeof(ScheduleReleaseJob)),
        new(ReleaseWaitingJob.Name, ReleaseWaitingJob.Schedule, typeof(ReleaseWaitingJob)),
    ];
}
