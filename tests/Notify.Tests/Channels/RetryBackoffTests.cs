using Notify.Core.Channels;

namespace Notify.Tests.Channels;

public sealed class RetryBackoffTests
{
    private static readonly RetryBackoff Backoff = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10), MaxAttempts: 12);

    [Fact]
    public void Should_double_the_ceiling_until_the_cap_when_attempts_grow()
    {
        var ceilings = Enumerable.Range(1, 10).Select(Backoff.Ceiling).ToList();

        Assert.Equal(
            [5, 10, 20, 40, 80, 160, 320, 600, 600, 600],
            ceilings.Select(ceiling => ceiling.TotalSeconds));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(12)]
    public void Should_stay_within_zero_and_the_ceiling_when_jittered(int attempt)
    {
        Assert.Equal(TimeSpan.Zero, Backoff.NextDelay(attempt, 0));
        Assert.InRange(Backoff.NextDelay(attempt, 0.999_999)!.Value, Backoff.Ceiling(attempt) * 0.999, Backoff.Ceiling(attempt));
        Assert.Equal(Backoff.Ceiling(attempt) / 2, Backoff.NextDelay(attempt, 0.5));
    }

    [Fact]
    public void Should_wait_at_least_the_retry_after_when_the_provider_gives_one()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), Backoff.NextDelay(1, 0.5, TimeSpan.FromMinutes(30)));
        Assert.Equal(TimeSpan.FromSeconds(2.5), Backoff.NextDelay(1, 0.5, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Should_give_up_when_attempts_are_used_up() => Assert.Null(Backoff.NextDelay(13, 0.5));

    [Fact]
    public void Should_not_overflow_when_attempt_is_huge() =>
        Assert.Equal(TimeSpan.FromHours(10), RetryBackoff.Webhooks.Ceiling(int.MaxValue));

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 1.0)]
    [InlineData(1, -0.1)]
    public void Should_reject_out_of_range_arguments(int attempt, double sample) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.NextDelay(attempt, sample));
}
