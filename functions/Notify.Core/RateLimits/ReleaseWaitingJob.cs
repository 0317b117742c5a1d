using Notify.Core.Apps;

namespace Notify.Core.RateLimits;

/// <summary>
/// Every few seconds, hands waiting deliveries that are due back to their channel queue, as many as each
/// app's budget allows right now. The budget is taken here, so the released messages spend none again.
/// Any number of instances may run it: budgets are ETag-guarded and released rows are removed before
/// their messages could be handled twice (a delivery row already sent is left alone anyway).
/// </summary>
public sealed class ReleaseWaitingJob(WaitingStore waiting, RateBudgets budgets, AppStore apps, IReleasedDeliveryQueue queue, TimeProvider clock)
    : ITimerJob
{
    public const string Name = "ReleaseWaitingDeliveries";
    public const string Schedule = "*/5 * * * * *";
    private const int UsersPerMessage = 100;

    /// <summary>(App, channel) pairs one run looks at; the next run goes on after the last, so every pair comes round.</summary>
    public const int PairsPerRun = 50;
    private string cursor = "";

    public async Task RunAsync(CancellationToken ct)
    {
        var pairs = await waiting.ListChannelsAsync(cursor, PairsPerRun, ct);
        // Fewer than a run's worth means the walk reached the end: start over next time.
        cursor = pairs.Count < PairsPerRun ? "" : pairs[^1].RowKey;
        foreach (var pair in pairs)
            await ReleaseAsync(pair, ct);
    }

    private async Task ReleaseAsync(WaitingIndexRow index, CancellationToken ct)
    {
        var app = await apps.GetCachedAsync(index.AppId, ct);
        var now = clock.GetUtcNow();
        var due = app is null ? [] : await waiting.DueAsync(index.AppId, index.Channel, now, budgets.Limit(app, index.Channel), ct);
        if (due.Count > 0)
        {
            var grant = await budgets.AcquireAsync(app!, index.Channel, due.Count, ct);
            var released = due.Take(grant.Granted).ToList();
            foreach (var send in released.GroupBy(r => r.SendId))
                foreach (var users in send.Select(r => r.UserId).Distinct().Chunk(UsersPerMessage))
                    await queue.QueueAsync(index.AppId, index.Channel, send.Key, users, ct);
            await waiting.RemoveAsync(released, ct);
        }
        if (await waiting.IsEmptyAsync(index.AppId, index.Channel, ct))
            await waiting.ForgetAsync(index, ct);
    }
}
