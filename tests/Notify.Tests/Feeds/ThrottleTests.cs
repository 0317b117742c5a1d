using System.Net;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Feeds;

/// <summary>The seed's throttling, on a server of its own so no other test spends its budget.</summary>
public sealed class ThrottleTests(FeedServer server) : IClassFixture<FeedServer>
{
    [Fact]
    public async Task Should_answer_429_after_200_reads_a_minute_on_a_route_with_the_headers()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync());
        var remaining = new List<int>();
        for (var i = 0; i < 200; i++)
        {
            using var response = await server.Http.SendAsync(feed.Channel(HttpMethod.Get, "subscriptions/nobody"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("""{"statusCode":404,"message":"Subscription not found","error":"Not Found"}""", await response.Content.ReadAsStringAsync());
            Assert.Equal("200", Header(response, "X-RateLimit-Limit"));
            Assert.InRange(int.Parse(Header(response, "X-RateLimit-Reset")), 1, 60);
            remaining.Add(int.Parse(Header(response, "X-RateLimit-Remaining")));
        }
        Assert.Equal(Enumerable.Range(0, 200).Reverse(), remaining);

        using var refused = await server.Http.SendAsync(feed.Channel(HttpMethod.Get, "subscriptions/nobody"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("""{"statusCode":429,"message":"ThrottlerException: Too Many Requests"}""", await refused.Content.ReadAsStringAsync());
        Assert.Equal("0", Header(refused, "X-RateLimit-Remaining"));
        Assert.InRange(int.Parse(Header(refused, "Retry-After")), 1, 60);

        // Each route has its own budget: the send route allows 600.
        using var send = await server.Http.SendAsync(feed.Channel(HttpMethod.Post, "notifications/nobody", new { title = "Hello", text = "Still allowed." }));
        Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
        Assert.Equal("""{"statusCode":404,"message":"Subscription not found","error":"Not Found"}""", await send.Content.ReadAsStringAsync());
        Assert.Equal("600", Header(send, "X-RateLimit-Limit"));
        Assert.Equal("599", Header(send, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Should_not_believe_forwarded_headers_without_trusted_proxies()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync());
        var first = await RemainingAsync(feed, "198.51.100.1");
        var second = await RemainingAsync(feed, "198.51.100.2");

        Assert.Equal(first - 1, second);
    }

    private async Task<int> RemainingAsync(TestFeed feed, string forwardedFor)
    {
        var request = feed.Channel(HttpMethod.Get, "subscriptions/u/code");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await server.Http.SendAsync(request);
        return int.Parse(Header(response, "X-RateLimit-Remaining"));
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"No {name} header");
}

/// <summary>Behind a trusted proxy: each forwarded client has its own budget, and links use the public base URL.</summary>
public sealed class ProxiedThrottleTests(ProxiedFeedServer server) : IClassFixture<ProxiedFeedServer>
{
    [Fact]
    public async Task Should_partition_by_the_forwarded_client_when_the_proxy_is_trusted()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync());
        for (var i = 0; i < ProxiedFeedServer.ReadsPerMinute; i++)
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(feed, "203.0.113.9, 198.51.100.7"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(feed, "203.0.113.9, 198.51.100.7"));
        // A caller cannot escape by prepending hops: the right-most untrusted address counts.
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(feed, "192.0.2.1, 198.51.100.7"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(feed, "198.51.100.8:50123"));
    }

    [Fact]
    public async Task Should_build_links_from_the_public_base_url()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync());
        var request = feed.Channel(HttpMethod.Get, "subscriptions/someone/code");
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");

        var answer = await server.Http.CallAsync(request, HttpStatusCode.OK);

        Assert.Equal($"{ProxiedFeedServer.PublicBaseUrl}/feeds/subscribe/{answer["code"]}", answer["deepLink"]!.GetValue<string>());
        Assert.Equal($"{ProxiedFeedServer.PublicBaseUrl}/feeds/", answer["appUrl"]!.GetValue<string>());
    }

    private async Task<HttpStatusCode> StatusAsync(TestFeed feed, string forwardedFor)
    {
        var request = feed.Channel(HttpMethod.Get, "subscriptions/nobody");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await server.Http.SendAsync(request);
        return response.StatusCode;
    }
}
