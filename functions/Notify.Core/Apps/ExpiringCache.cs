using System.Collections.Concurrent;

namespace Notify.Core.Apps;

/// <summary>
/// Values kept for a fixed lifetime and loaded once however many callers miss at the same moment: concurrent
/// misses of one key share one load, so an expiry under load costs one storage read rather than one per
/// request. Nothing found is not kept, so callers inventing keys cannot grow it.
/// </summary>
public sealed class ExpiringCache<T>(TimeProvider clock, TimeSpan lifetime) where T : class
{
    private readonly ConcurrentDictionary<string, (T Value, DateTimeOffset Expires)> values = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<T?>>> loads = new();

    /// <param name="load">Runs without the caller's cancellation, which only stops the caller's wait: others may be waiting on it.</param>
    public Task<T?> GetAsync(string key, Func<Task<T?>> load, CancellationToken ct)
    {
        if (values.TryGetValue(key, out var cached) && cached.Expires > clock.GetUtcNow()) return Task.FromResult<T?>(cached.Value);
        var shared = loads.GetOrAdd(key, _ => new Lazy<Task<T?>>(() => LoadAsync(key, load)));
        return shared.Value.WaitAsync(ct);
    }

    public void Remove(string key) => values.TryRemove(key, out _);

    public void RemoveWhere(Func<T, bool> match)
    {
        foreach (var (key, cached) in values)
            if (match(cached.Value)) values.TryRemove(key, out _);
    }

    private async Task<T?> LoadAsync(string key, Func<Task<T?>> load)
    {
        try
        {
            var value = await load();
            if (value is not null) values[key] = (value, clock.GetUtcNow() + lifetime);
            return value;
        }
        finally
        {
            loads.TryRemove(key, out _);
        }
    }
}
