using System.Net;
using Notify.Core.Content;
using Notify.Core.Inbox;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.V3;

/// <summary>Mark-all-seen goes through more items than one transaction may hold (99 items and the counters).</summary>
public sealed class MarkAllSeenTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    private const int Items = 130;

    [Fact]
    public async Task Should_mark_every_item_seen_when_there_are_more_than_one_transaction_holds()
    {
        var app = await server.CreateAppAsync();
        var writer = server.Get<InboxWriter>();
        // One at a time: every item moves the same counters, and concurrent writers would only retry each other.
        await Parallel.ForEachAsync(Enumerable.Range(0, Items), new ParallelOptions { MaxDegreeOfParallelism = 1 }, async (i, ct) =>
            await writer.DeliverAsync(app.Id, "mia", NotificationIds.For(app.Id, $"send-{i}", "mia"),
                new InboxContent($"send-{i}", DateTimeOffset.UtcNow, new NotificationContent($"item {i}", null)), null, null, ct));
        var before = await server.Http.CallAsync(app.AsUser("mia", HttpMethod.Get, "v3/notifications?limit=100"), HttpStatusCode.OK);
        Assert.Equal((Items, Items), (before["unreadCount"]!.GetValue<int>(), before["pagination"]!["totalCount"]!.GetValue<int>()));

        var done = await server.Http.CallAsync(app.AsUser("mia", HttpMethod.Post, "v3/notifications/markAllNotificationsAsSeen"), HttpStatusCode.OK);

        Assert.Equal("""{"statusCode":200,"message":"All notifications marked as seen"}""", done.ToJsonString());
        var first = await server.Http.CallAsync(app.AsUser("mia", HttpMethod.Get, "v3/notifications?limit=100"), HttpStatusCode.OK);
        var second = await server.Http.CallAsync(app.AsUser("mia", HttpMethod.Get, "v3/notifications?limit=100&pageNo=2"), HttpStatusCode.OK);
        var items = first["data"]!.AsArray().Concat(second["data"]!.AsArray()).ToList();
        Assert.Equal(0, first["unreadCount"]!.GetValue<int>());
        Assert.Equal(Items, items.Count);
        Assert.All(items, item => Assert.NotNull(item!["seenAt"]));
    }
}
