using Azure;
using Azure.Data.Tables;
using Notify.Core.Preferences;
using Notify.Core.RateLimits;
using Notify.Core.Storage;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Storage;

/// <summary>The one optimistic-concurrency helper, and the stores written with it, under real contention on Azurite.</summary>
public sealed class OptimisticTests(NotifyServerWithoutPipeline server) : IClassFixture<NotifyServerWithoutPipeline>
{
    private sealed class CounterRow : TableRow
    {
        public int Value { get; set; }
    }

    [Fact]
    public async Task Should_count_every_one_of_many_concurrent_increments_of_one_row_exactly_once()
    {
        const int writers = 24;
        var table = server.Storage.Table(TableNames.RateLimits);
        var partition = "counter-" + Guid.NewGuid().ToString("N");
        var attempts = 0;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() => Optimistic.RetryAsync(async () =>
        {
            Interlocked.Increment(ref attempts);
            var stored = await table.GetEntityIfExistsAsync<CounterRow>(partition, "count");
            var row = stored.HasValue ? stored.Value! : new CounterRow { PartitionKey = partition, RowKey = "count" };
            row.Value++;
            await Optimistic.SaveAsync(table, row, stored.HasValue, CancellationToken.None);
        }))));

        var final = (await table.GetEntityAsync<CounterRow>(partition, "count")).Value;
        Assert.Equal(writers, final.Value);
        Assert.True(attempts > writers, $"the writers should have collided, but {attempts} attempts were made");
    }

    [Fact]
    public async Task Should_throw_the_conflict_after_the_last_attempt_and_not_retry_other_failures()
    {
        var conflicts = 0;
        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => Optimistic.RetryAsync(() =>
        {
            conflicts++;
            throw new RequestFailedException(412, "changed meanwhile");
        }));
        var others = 0;
        var other = await Assert.ThrowsAsync<RequestFailedException>(() => Optimistic.RetryAsync(() =>
        {
            others++;
            throw new RequestFailedException(404, "gone");
        }));

        Assert.Equal((412, Optimistic.MaxAttempts), (conflict.Status, conflicts));
        Assert.Equal((404, 1), (other.Status, others));
    }

    [Fact]
    public async Task Should_grant_a_rate_budget_no_more_than_its_limit_to_concurrent_takers()
    {
        var budgets = server.Get<RateBudgetStore>();
        var app = "app-" + Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;

        var grants = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            budgets.AcquireAsync(app, "email", 2, 25, TimeSpan.FromHours(1), now, CancellationToken.None))));

        Assert.Equal(25, grants.Sum(g => g.Granted));
        Assert.Equal(12, grants.Count(g => g.Granted == 2));
        Assert.Single(grants, g => g.Granted == 1);
    }

    [Fact]
    public async Task Should_keep_every_preference_set_concurrently_for_one_user()
    {
        var preferences = server.Get<PreferenceStore>();
        var app = "app-" + Guid.NewGuid().ToString("N");

        await Task.WhenAll(Enumerable.Range(1, 12).Select(category => Task.Run(() =>
            preferences.SetAsync(app, "busy-user", [new PreferenceChange(category, "email", category % 2 == 0)], CancellationToken.None))));

        var rules = (await preferences.GetAsync(app, "busy-user", CancellationToken.None)).Rules;
        Assert.Equal(Enumerable.Range(1, 12), rules.Keys.Order());
        Assert.All(rules, r => Assert.Equal(r.Key % 2 == 0, r.Value["email"]));
    }
}
