using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>
/// The seed's throttling: fixed one-minute windows per client address and route, in memory per instance. It is an
/// explicit call at the top of each handler of this face rather than endpoint metadata, so it applies the same way
/// whether the self-host routed the request or the Functions app forwarded it through the dispatcher.
/// </summary>
public sealed class RequestThrottle(ClientAddress clients, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<Partition> limiter = PartitionedRateLimiter.Create<Partition, Partition>(
        partition => RateLimitPartition.Get(partition, p => new WindowLimiter(p.Limit, Window, clock)));

    /// <summary>Takes one request from the caller's budget on <paramref name="route"/>, writes the rate-limit headers, and says whether it may go on.</summary>
    public bool TryAcquire(HttpContext context, string route, int limit)
    {
        using var lease = limiter.AttemptAcquire(new Partition(clients.Of(context), route, limit));
        var headers = context.Response.Headers;
        lease.TryGetMetadata(WindowLimiter.Remaining, out var remaining);
        lease.TryGetMetadata(WindowLimiter.Reset, out var reset);
        var seconds = Math.Max(1, (int)Math.Ceiling(reset.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = seconds;
        if (!lease.IsAcquired) headers.RetryAfter = seconds;
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();

    private readonly record struct Partition(IPAddress? Client, string Route, int Limit);
}
