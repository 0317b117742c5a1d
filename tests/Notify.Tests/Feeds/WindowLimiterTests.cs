using System.Threading.RateLimiting;
using Notify.Core.Faces.Subscriptions;

namespace Notify.Tests.Feeds;

public sealed class WindowLimiterTests
{
    [Fact]
    public void Should_count_down_within_a_window_and_refill_when_it_ends()
    {
        var clock = new SteppedClock();
        using var limiter = new WindowLimiter(2, TimeSpan.FromMinutes(1), clock);

        Assert.Equal((true, 1, 60), Take(limiter));
        clock.Step(TimeSpan.FromSeconds(45));
        Assert.Equal((true, 0, 15), Take(limiter));
        var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(15), retryAfter);

        clock.Step(TimeSpan.FromSeconds(15));
        Assert.Equal((true, 1, 60), Take(limiter));
    }

    [Fact]
    public void Should_refill_on_the_partitioned_limiters_own_replenishment_call()
    {
        var clock = new SteppedClock();
        using var limiter = new WindowLimiter(1, TimeSpan.FromMinutes(1), clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);

        Assert.False(limiter.TryReplenish());
        clock.Step(TimeSpan.FromMinutes(1));
        Assert.True(limiter.TryReplenish());
        Assert.Equal(1, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    private static (bool Acquired, int Remaining, double ResetSeconds) Take(WindowLimiter limiter)
    {
        using var lease = limiter.AttemptAcquire();
        lease.TryGetMetadata(WindowLimiter.Remaining, out var remaining);
        lease.TryGetMetadata(WindowLimiter.Reset, out var reset);
        return (lease.IsAcquired, remaining, reset.TotalSeconds);
    }

    /// <summary>A clock whose timestamps move only when the test says.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Step(TimeSpan by) => ticks += by.Ticks;
    }
}
