namespace Notify.Core.Channels;

/// <summary>
/// Exponential backoff with full jitter: attempt n waits a uniform random time in
/// [0, min(cap, initial * 2^(n-1))], never less than a provider's Retry-After.
/// Pure: the caller passes the random sample, so the schedule is testable and the caller owns the RNG.
/// </summary>
public sealed record RetryBackoff(TimeSpan Initial, TimeSpan Cap, int MaxAttempts)
{
    /// <summary>Webhooks: from seconds up to ~10 h, close to the Standard Webhooks schedule.</summary>
    public static RetryBackoff Webhooks { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromHours(10), 14);

    /// <summary>Email: providers throttle by the minute and hour, so start at 30 s and stop within a day.</summary>
    public static RetryBackoff Email { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(2), 10);

    /// <summary>The upper bound of the wait before retry number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan Ceiling(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponent = Math.Min(attempt - 1, 62);
        var ticks = Initial.Ticks * Math.Pow(2, exponent);
        return ticks >= Cap.Ticks ? Cap : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>
    /// The wait before retry number <paramref name="attempt"/> (1 = first retry), or null once
    /// <see cref="MaxAttempts"/> retries are used up. <paramref name="sample"/> is uniform in [0, 1).
    /// </summary>
    public TimeSpan? NextDelay(int attempt, double sample, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sample, 0d);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sample, 1d);
        if (attempt > MaxAttempts)
        {
            return null;
        }

        var jittered = TimeSpan.FromTicks((long)(Ceiling(attempt).Ticks * sample));
        return retryAfter is { } floor && floor > jittered ? floor : jittered;
    }
}
