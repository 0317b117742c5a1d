using System.Net;
using Azure.Data.Tables;
using Notify.Core.Content;
using Notify.Core.Inbox;
using Notify.Core.Pipeline;
using Notify.Core.Storage;
using Notify.Core.Topics;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.V3;

/// <summary>Deleting a user hides them at once and removes their rows in pages, on the queue, outside the request.</summary>
public sealed class UserDeletionTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    private const int Items = 180;

    [Fact]
    public async Task Should_hide_a_user_at_once_and_remove_more_rows_than_a_page_and_a_transaction_hold()
    {
        var app = await server.CreateAppAsync();
        var topic = await server.CreateTopicAsync(app, "news", "zoe");
        var ids = await SeedInboxAsync(app, "zoe", Items);
        Assert.True(Items * 2 > UserDeletionHandler.RowsPerPage, "the rows must take more than one page");
        Assert.Equal(Items, (await server.Http.CallAsync(app.AsUser("zoe", HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK))["pagination"]!["totalCount"]!.GetValue<int>());

        var deleted = await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/users/zoe"), HttpStatusCode.OK);

        Assert.Equal("""{"statusCode":200,"message":"User deleted successfully"}""", deleted.ToJsonString());
        var inbox = await server.Http.CallAsync(app.AsUser("zoe", HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK);
        Assert.Equal((0, 0), (inbox["pagination"]!["totalCount"]!.GetValue<int>(), inbox["data"]!.AsArray().Count));
        var item = await server.Http.CallAsync(app.Backend(HttpMethod.Get, $"v3/notifications/{ids[0]}"), HttpStatusCode.NotFound);
        Assert.Equal("Notification not found", (string)item["message"]!);
        Assert.Equal("{}", (await server.Http.CallAsync(app.AsUser("zoe", HttpMethod.Get, "v3/profile"), HttpStatusCode.OK))["profile"]!.ToJsonString());
        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/users/zoe"), HttpStatusCode.NotFound, """{"status":"error","message":"User not found"}""");

        await WaitUntilAsync(async () => (await RowKeysAsync(TableKeys.User(app.Id, "zoe"))).All(k => k.StartsWith(TableKeys.InboxIdPrefix, StringComparison.Ordinal)));
        var left = await server.Storage.Table(TableNames.Users).QueryAsync<InboxIdRow>(
            TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.User(app.Id, "zoe")}")).ToListAsync();
        Assert.Equal(Items, left.Count(r => r.Deleted));
        Assert.Equal(Items, left.Count);
        foreach (var id in ids)
            Assert.False((await server.Storage.Table(TableNames.NotificationIndex).GetEntityIfExistsAsync<TableEntity>(
                TableKeys.NotificationIndex(app.Id, id), TableKeys.NotificationIndexRow(id))).HasValue);
        Assert.Empty(await RowKeysAsync(TableKeys.TopicBucket(app.Id, topic, TableKeys.BucketOf("zoe", TopicMemberStore.BucketCount)), TableNames.TopicMembers));

        var again = await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/zoe", new { name = "Zoe again" }), HttpStatusCode.OK);
        Assert.Equal("Zoe again", (string)again["profile"]!["name"]!);
        Assert.Equal(0, (await server.Http.CallAsync(app.AsUser("zoe", HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK))["pagination"]!["totalCount"]!.GetValue<int>());
    }

    private async Task<long[]> SeedInboxAsync(TestApp app, string userId, int count)
    {
        var writer = server.Get<InboxWriter>();
        var ids = Enumerable.Range(0, count).Select(i => NotificationIds.For(app.Id, $"send-{i}", userId)).ToArray();
        await server.Get<InboxStore>().IndexAsync(app.Id, ids.Select(id => (id, userId)), default);
        // One at a time: every item moves the same counters, and concurrent writers would only retry each other.
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 1 }, async (i, ct) =>
            await writer.DeliverAsync(app.Id, userId, ids[i], new InboxContent($"send-{i}", DateTimeOffset.UtcNow, new NotificationContent($"item {i}", null)), null, null, ct));
        return ids;
    }

    private async Task<List<string>> RowKeysAsync(string partition, string table = TableNames.Users) =>
        await server.Storage.Table(table).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"])
            .Select(r => r.RowKey).ToListAsync();

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The user's rows were not removed in time");
            await Task.Delay(200);
        }
    }
}
