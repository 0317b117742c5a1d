namespace Notify.Core.Feeds;

/// <summary>Settings of feeds and their subscriptions, bound from <c>Notify:Feeds</c>.</summary>
public sealed class FeedOptions
{
    public const string Section = "Notify:Feeds";

    /// <summary>
    /// Where people reach this service (<c>Notify:PublicBaseUrl</c>, read beside this section): deep links and the
    /// app URL are built from it, so they are right behind a proxy. Unset, the request's own scheme and host are used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a subscription code can be claimed: a day, long enough for a code sent by email.</summary>
    public int CodeLifetimeMinutes { get; set; } = 24 * 60;

    /// <summary>Requests a minute per client address on each GET route of the channels API (the seed's 200).</summary>
    public int ReadsPerMinute { get; set; } = 200;

    /// <summary>Requests a minute per client address on the send route (the seed's 600).</summary>
    public int SendsPerMinute { get; set; } = 600;

    /// <summary>Requests a minute per client address on each route of the subscriber API.</summary>
    public int SubscriberCallsPerMinute { get; set; } = 300;

    /// <summary>
    /// Proxies (addresses or CIDR ranges) whose <c>X-Forwarded-For</c> is believed. Empty: the connection's own
    /// address is the client, and a forwarded header cannot move a caller into another rate-limit partition.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>How often an open live stream looks for new notifications of its subscription.</summary>
    public double LiveCheckSeconds { get; set; } = 2;

    /// <summary>How long one live stream stays open before the browser reconnects (bounds a Functions invocation).</summary>
    public int LiveStreamSeconds { get; set; } = 300;

    /// <summary>Subscriptions read per storage page while the list streams out.</summary>
    public int ListPageSize { get; set; } = 1000;
}
