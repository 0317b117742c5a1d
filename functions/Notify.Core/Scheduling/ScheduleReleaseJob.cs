namespace Notify.Core.Scheduling;

/// <summary>
/// Hands far-future sends to the <c>sends</c> queue once they are within the queue's 7-day reach,
/// hidden until their send time, so they are released on time however late the timer runs.
/// </summary>
public sealed class ScheduleReleaseJob(ScheduleStore schedules, IDueSendQueue sends, TimeProvider clock) : ITimerJob
{
    public const string Name = "ReleaseSchedules";
    public const string Schedule = "0 * * * * *";

    public Task RunAsync(CancellationToken ct) => ReleaseAsync(clock.GetUtcNow(), ct);

    public async Task<int> ReleaseAsync(DateTimeOffset now, CancellationToken ct)
    {
        var released = 0;
        await foreach (var row in schedules.DueAsync(now, ct))
        {
            var delay = row.SendAt - now;
            // Enqueued before the row goes: a crash in between repeats the message, which the handler ignores.
            await sends.QueueAsync(row.AppId, row.SendId, delay > TimeSpan.Zero ? delay : null, ct);
            await schedules.RemoveAsync(row, ct);
            released++;
        }
        return released;
    }
}
