using Azure;
using Azure.Data.Tables;

namespace Notify.Core.Storage;

/// <summary>
/// Optimistic concurrency, the one way this service writes a row it read: an attempt reads rows, changes them
/// and writes them back under the ETags it read (or adds them when absent, <see cref="SaveAsync"/>); when
/// another write got in first (412, or 409 for an add) it runs again on fresh reads, after a short random
/// pause once conflicts repeat, so writers that keep colliding spread out. After <see cref="MaxAttempts"/>
/// the conflict is thrown, so a write that gave up is never silent. An attempt that can tell a lost race from
/// a final answer (a unique key taken) catches the conflict itself and returns, or rethrows to run again.
/// </summary>
public static class Optimistic
{
    public const int MaxAttempts = 30;

    private static readonly int[] Conflicts = [409, 412];

    /// <param name="retryOn">The statuses that mean "changed meanwhile" for this write; 409 and 412 by default (404 too for a row deleted meanwhile).</param>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> attempt, IReadOnlyCollection<int>? retryOn = null)
    {
        for (var tried = 1; ; tried++)
        {
            try
            {
                return await attempt();
            }
            catch (RequestFailedException e) when ((retryOn ?? Conflicts).Contains(e.Status) && tried < MaxAttempts)
            {
                if (tried >= 3) await Task.Delay(Random.Shared.Next(1, 5 * tried));
            }
        }
    }

    public static Task RetryAsync(Func<Task> attempt, IReadOnlyCollection<int>? retryOn = null) =>
        RetryAsync(async () => { await attempt(); return true; }, retryOn);

    /// <summary>Writes a row read with <paramref name="existed"/>: an add when it did not exist (409 if one appeared meanwhile), else a replace under its ETag (412 if it changed).</summary>
    public static async Task SaveAsync<T>(TableClient table, T row, bool existed, CancellationToken ct) where T : class, ITableEntity
    {
        var response = existed
            ? await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct)
            : await table.AddEntityAsync(row, ct);
        row.ETag = response.Headers.ETag ?? default;
    }
}
