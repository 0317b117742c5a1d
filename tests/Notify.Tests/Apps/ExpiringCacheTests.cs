using Notify.Core.Apps;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Apps;

/// <summary>The app caches: concurrent misses of one key share one load, nothing found is not kept, values expire.</summary>
public sealed class ExpiringCacheTests
{
    private sealed record Value(int Load);

    [Fact]
    public async Task Should_load_once_for_many_concurrent_misses_of_one_key()
    {
        var cache = new ExpiringCache<Value>(new TestClock(), TimeSpan.FromSeconds(15));
        var release = new TaskCompletionSource();
        var loads = 0;
        async Task<Value?> Load()
        {
            var load = Interlocked.Increment(ref loads);
            await release.Task;
            return new Value(load);
        }

        var callers = Enumerable.Range(0, 32).Select(_ => cache.GetAsync("k", Load, CancellationToken.None)).ToList();
        release.SetResult();
        var values = await Task.WhenAll(callers);

        Assert.Equal(1, loads);
        Assert.All(values, v => Assert.Equal(new Value(1), v));
        Assert.Equal(new Value(1), await cache.GetAsync("k", Load, CancellationToken.None));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task Should_not_keep_nothing_found_and_load_again_once_expired()
    {
        var clock = new TestClock();
        var cache = new ExpiringCache<Value>(clock, TimeSpan.FromSeconds(15));
        var loads = 0;

        Assert.Null(await cache.GetAsync("missing", () => Task.FromResult<Value?>(null), CancellationToken.None));
        Assert.Equal(new Value(1), await cache.GetAsync("missing", () => Task.FromResult<Value?>(new Value(++loads)), CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(16));

        Assert.Equal(new Value(2), await cache.GetAsync("missing", () => Task.FromResult<Value?>(new Value(++loads)), CancellationToken.None));
    }

    [Fact]
    public async Task Should_let_a_cancelled_caller_go_without_failing_the_shared_load()
    {
        var cache = new ExpiringCache<Value>(new TestClock(), TimeSpan.FromSeconds(15));
        var release = new TaskCompletionSource();
        using var leaving = new CancellationTokenSource();
        async Task<Value?> Load()
        {
            await release.Task;
            return new Value(1);
        }

        var cancelled = cache.GetAsync("k", Load, leaving.Token);
        var waiting = cache.GetAsync("k", Load, CancellationToken.None);
        await leaving.CancelAsync();
        release.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(new Value(1), await waiting);
    }
}
