using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.RateLimits;

/// <summary>The budget of one app and channel in the current window.</summary>
public sealed class RateBudgetRow : TableRow
{
    public DateTimeOffset WindowStart { get; set; }
    public int Used { get; set; }
    /// <summary>A provider said "too many" (429): nothing is granted before this time.</summary>
    public DateTimeOffset? BlockedUntil { get; set; }
}

public sealed record RateGrant(int Granted, DateTimeOffset NextBudgetAt);

/// <summary>
/// Fixed-window budgets shared by every host instance: each grant is a read and an ETag-guarded write
/// of one row, retried when another instance changed it first.
/// </summary>
public sealed class RateBudgetStore(NotifyStorage storage)
{
    private TableClient Table => storage.Table(TableNames.RateLimits);

    public Task<RateGrant> AcquireAsync(string appId, string channel, int wanted, int limit, TimeSpan window, DateTimeOffset now, CancellationToken ct) =>
        Optimistic.RetryAsync(async () =>
        {
            var stored = await Table.GetEntityIfExistsAsync<RateBudgetRow>(TableKeys.RateBudget(appId, channel), TableKeys.RateLimits.Budget, cancellationToken: ct);
            var row = stored.HasValue ? stored.Value! : new RateBudgetRow { PartitionKey = TableKeys.RateBudget(appId, channel), RowKey = TableKeys.RateLimits.Budget };
            if (row.BlockedUntil > now)
                return new RateGrant(0, row.BlockedUntil.Value);
            if (now >= row.WindowStart + window)
            {
                row.WindowStart = WindowStartOf(now, window);
                row.Used = 0;
            }
            var granted = Math.Clamp(limit - row.Used, 0, wanted);
            var next = row.WindowStart + window;
            if (granted == 0) return new RateGrant(0, next);
            row.Used += granted;
            await Optimistic.SaveAsync(Table, row, stored.HasValue, ct);
            return new RateGrant(granted, next);
        });

    /// <summary>A provider refused for load: grant nothing until <paramref name="until"/>.</summary>
    public Task BlockAsync(string appId, string channel, DateTimeOffset until, CancellationToken ct) =>
        Optimistic.RetryAsync(async () =>
        {
            var stored = await Table.GetEntityIfExistsAsync<RateBudgetRow>(TableKeys.RateBudget(appId, channel), TableKeys.RateLimits.Budget, cancellationToken: ct);
            var row = stored.HasValue ? stored.Value! : new RateBudgetRow { PartitionKey = TableKeys.RateBudget(appId, channel), RowKey = TableKeys.RateLimits.Budget };
            if (row.BlockedUntil >= until) return;
            row.BlockedUntil = until;
            await Optimistic.SaveAsync(Table, row, stored.HasValue, ct);
        });

    private static DateTimeOffset WindowStartOf(DateTimeOffset now, TimeSpan window) =>
        new(now.UtcTicks - now.UtcTicks % window.Ticks, TimeSpan.Zero);
}
