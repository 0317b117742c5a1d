using System.Threading.RateLimiting;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>
/// A fixed window that can say when it resets. The counting is the framework's <see cref="FixedWindowRateLimiter"/>;
/// this limiter only owns the window's clock, because the reset time the <c>X-RateLimit-Reset</c> header needs is
/// not exposed by the framework's limiter. Its leases carry the remaining permits and the time to reset.
/// </summary>
internal sealed class WindowLimiter : ReplenishingRateLimiter
{
    public static readonly MetadataName<int> Remaining = new("X-RateLimit-Remaining");
    public static readonly MetadataName<TimeSpan> Reset = new("X-RateLimit-Reset");

    private readonly FixedWindowRateLimiter permits;
    private readonly TimeSpan window;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private long windowStart;

    public WindowLimiter(int limit, TimeSpan window, TimeProvider clock)
    {
        // A one-tick window with manual replenishment: the framework's limiter refills exactly when this one says.
        permits = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit, Window = TimeSpan.FromTicks(1), AutoReplenishment = false, QueueLimit = 0,
        });
        this.window = window;
        this.clock = clock;
        windowStart = clock.GetTimestamp();
    }

    public override TimeSpan? IdleDuration => permits.IdleDuration;
    public override bool IsAutoReplenishing => false;
    public override TimeSpan ReplenishmentPeriod => window;

    public override bool TryReplenish()
    {
        lock (gate) return RollWindow();
    }

    public override RateLimiterStatistics? GetStatistics() => permits.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            RollWindow();
            var lease = permits.AttemptAcquire(permitCount);
            var remaining = (int)(permits.GetStatistics()?.CurrentAvailablePermits ?? 0);
            return new WindowLease(lease, remaining, window - clock.GetElapsedTime(windowStart));
        }
    }

    /// <summary>Requests are never queued: over the limit is an immediate 429, as the seed's server answers.</summary>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private bool RollWindow()
    {
        if (clock.GetElapsedTime(windowStart) < window) return false;
        windowStart = clock.GetTimestamp();
        return permits.TryReplenish();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) permits.Dispose();
        base.Dispose(disposing);
    }

    private sealed class WindowLease(RateLimitLease inner, int remaining, TimeSpan reset) : RateLimitLease
    {
        public override bool IsAcquired => inner.IsAcquired;

        public override IEnumerable<string> MetadataNames => [Remaining.Name, Reset.Name, MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName switch
            {
                _ when metadataName == Remaining.Name => remaining,
                _ when metadataName == Reset.Name => reset,
                _ when metadataName == MetadataName.RetryAfter.Name && !inner.IsAcquired => reset,
                _ => null,
            };
            return metadata is not null;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
