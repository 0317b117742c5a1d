using Azure;

namespace Notify.Core.Storage;

/// <summary>
/// Optimistic concurrency: an attempt reads rows, changes them and writes them back under the ETags it
/// read (or adds them); when another write got in first (412, or 409 for an add) it runs again on fresh
/// reads. After <see cref="MaxAttempts"/> the conflict is thrown, so a write that gave up is never silent.
/// </summary>
public static class Optimistic
{
    public const int MaxAttempts = 20;

    private static readonly int[] Conflicts = [409, 412];

    /// <param name="retryOn">The statuses that mean "changed meanwhile" for this write; 409 and 412 by default.</param>
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
                // Changed meanwhile: the next attempt reads again.
            }
        }
    }

    public static Task RetryAsync(Func<Task> attempt, IReadOnlyCollection<int>? retryOn = null) =>
        RetryAsync(async () => { await attempt(); return true; }, retryOn);
}
