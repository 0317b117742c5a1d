using Notify.Core.Storage;

namespace Notify.Core.Scheduling;

/// <summary>How far ahead a send can wait in a queue; later ones wait in a schedule row until a timer releases them.</summary>
public static class SendSchedule
{
    /// <summary>Queues hide a message for at most 7 days; the margin absorbs clock differences.</summary>
    public static readonly TimeSpan MaxQueueDelay = TimeSpan.FromDays(7) - TimeSpan.FromHours(1);

    /// <summary>When the timer should hand a send to the queue: as soon as the queue can hold it until its time.</summary>
    public static DateTimeOffset ReleaseAt(DateTimeOffset sendAt) => sendAt - MaxQueueDelay;
}

/// <summary>A send waiting beyond the queue horizon, partitioned by release day.</summary>
public sealed class ScheduleRow : TableRow
{
    public string AppId { get; set; } = "";
    public string SendId { get; set; } = "";
    public DateTimeOffset SendAt { get; set; }
}
