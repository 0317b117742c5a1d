using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.RateLimits;

/// <summary>The budget of one app and channel in the current window.</summary>
public sealed class RateBudgetRow : TableRow
{
    public const string Key = "budget";

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
    private const int MaxAttempts = 30;
    private TableClient Table => storage.Table(TableNames.RateLimits);

    public async Task<RateGrant> AcquireAsync(string appId, string channel, int wanted, int limit, TimeSpan window, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await Table.GetEntityIfExistsAsync<RateBudgetRow>(TableKeys.RateBudget(appId, channel), RateBudgetRow.Key, cancellationToken: ct);
            var row = stored.HasValue ? stored.Value! : new RateBudgetRow { PartitionKey = TableKeys.RateBudget(appId, channel), RowKey = RateBudgetRow.Key };
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
            if (await TrySaveAsync(row, stored.HasValue, attempt, ct)) return new RateGrant(granted, next);
        }
    }

    /// <summary>A provider refused for load: grant nothing until <paramref name="until"/>.</summary>
    public async Task BlockAsync(string appId, string channel, DateTimeOffset until, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await Table.GetEntityIfExistsAsync<RateBudgetRow>(TableKeys.RateBudget(appId, channel), RateBudgetRow.Key, cancellationToken: ct);
            var row = stored.HasValue ? stored.Value! : new RateBudgetRow { PartitionKey = TableKeys.RateBudget(appId, channel), RowKey = RateBudgetRow.Key };
            if (row.BlockedUntil >= until) return;
            row.BlockedUntil = until;
            if (await TrySaveAsync(row, stored.HasValue, attempt, ct)) return;
        }
    }

    private async Task<bool> TrySaveAsync(RateBudgetRow row, bool exists, int attempt, CancellationToken ct)
    {
        try
        {
            if (exists) await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
            else await Table.AddEntityAsync(row, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
        {
            return false;
        }
    }

    private static DateTimeOffset WindowStartOf(DateTimeOffset now, TimeSpan window) =>
        new(now.UtcTicks - now.UtcTicks % window.Ticks, TimeSpan.Zero);
}
