using Microsoft.Extensions.Options;
using Notify.Core.Apps;

namespace Notify.Core.RateLimits;

/// <summary>An app's budget on a channel: its own limit when set, else the configured one.</summary>
public sealed class RateBudgets(RateBudgetStore store, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    public Task<RateGrant> AcquireAsync(App app, string channel, int wanted, CancellationToken ct) =>
        wanted == 0
            ? Task.FromResult(new RateGrant(0, clock.GetUtcNow()))
            : store.AcquireAsync(app.Id, channel, wanted, Limit(app, channel), options.Value.Window, clock.GetUtcNow(), ct);

    public Task BlockAsync(App app, string channel, DateTimeOffset until, CancellationToken ct) =>
        store.BlockAsync(app.Id, channel, until, ct);

    public int Limit(App app, string channel) => AppChannels.RateLimit(app, channel) ?? options.Value.PerWindow(channel);
}
