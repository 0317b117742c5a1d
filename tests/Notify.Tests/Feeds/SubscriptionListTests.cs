using System.Net;
using System.Text.Json.Nodes;
using Notify.Core.Feeds;
using Notify.Tests.Infrastructure;
using Notify.Core.Storage;

namespace Notify.Tests.Feeds;

public sealed class SubscriptionListTests(FeedServer server) : IClassFixture<FeedServer>
{
    [Fact]
    public async Task Should_stream_every_subscription_across_storage_pages_and_buckets()
    {
        const int count = 150;
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync());
        var row = (await server.Get<FeedStore>().GetAsync(feed.Id, CancellationToken.None))!;
        var store = server.Get<SubscriptionStore>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, ct) => await store.AddAsync(row, $"member-{i}", "0123456789abcdef01234567", ct));

        using var response = await server.Http.SendAsync(feed.Channel(HttpMethod.Get, "subscriptions"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(count, list.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"member-{i}").Order(), list.Select(s => s!["iuid"]!.GetValue<string>()).Order());
        Assert.All(list, s => Assert.Equal(feed.Id, s!["channel"]!.GetValue<string>()));
        Assert.True(count / FeedServer.ListPageSize > TableKeys.Feeds.SubscriptionBuckets, "the list crosses more storage pages than buckets");
    }
}
