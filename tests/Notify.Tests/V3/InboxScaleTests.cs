using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Notify.Core.Content;
using Notify.Core.Inbox;
using Notify.Core.Storage;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.V3;

/// <summary>Inbox reads and writes whose cost must not grow with the inbox: cursors, the seen watermark, folded counters.</summary>
public sealed class InboxScaleTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_page_with_the_cursor_each_page_gives()
    {
        var app = await server.CreateAppAsync();
        for (var i = 1; i <= 5; i++)
            await server.SendNotificationAsync(app, new { notification = new { title = $"p{i}" }, recipients = new[] { "pam" } });
        await server.WaitForInboxAsync(app, "pam", 5);

        var titles = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Inbox(app, "pam", $"limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            titles.AddRange(page["data"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()));
            cursor = page["pagination"]!["nextCursor"]?.GetValue<string>();
            pages++;
        } while (cursor is not null);

        Assert.Equal(["p5", "p4", "p3", "p2", "p1"], titles);
        Assert.Equal(3, pages);
        await server.Http.CallAsync(app.AsUser("pam", HttpMethod.Get, "v3/notifications?cursor=n%7C1"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_mark_everything_seen_with_one_write_and_count_later_items_unseen()
    {
        var app = await server.CreateAppAsync();
        var recipients = new[] { "sam" };
        await DeliverAsync(app, "sam", 120);
        await server.WaitForInboxAsync(app, "sam", 120);
        var before = await CountRowsAsync(app, "sam");
        var itemVersions = await ItemVersionsAsync(app, "sam");

        await server.Http.CallAsync(app.AsUser("sam", HttpMethod.Post, "v3/notifications/markAllNotificationsAsSeen"), HttpStatusCode.OK);
        var seen = await Inbox(app, "sam", "limit=100");
        Assert.Equal(0, seen["unreadCount"]!.GetValue<int>());
        Assert.All(seen["data"]!.AsArray(), item => Assert.NotNull(item!["seenAt"]));
        Assert.True(await CountRowsAsync(app, "sam") <= before, "mark-all-seen wrote no row per item");
        Assert.Equal(itemVersions, await ItemVersionsAsync(app, "sam"));

        var oldest = seen["data"]!.AsArray()[^1]!["id"]!.GetValue<long>();
        await server.Http.CallAsync(app.AsUser("sam", HttpMethod.Delete, $"v3/notifications/{oldest}/views"), HttpStatusCode.OK);
        await server.SendNotificationAsync(app, new { notification = new { title = "later" }, recipients });
        await server.WaitForInboxAsync(app, "sam", 121);

        var after = await Inbox(app, "sam", "limit=1");
        Assert.Equal(2, after["unreadCount"]!.GetValue<int>());
        Assert.Equal("later", after["data"]![0]!["title"]!.GetValue<string>());
        Assert.Null(after["data"]![0]!["seenAt"]);
    }

    [Fact]
    public async Task Should_fold_counter_changes_and_keep_the_counts_exact()
    {
        var app = await server.CreateAppAsync();
        await DeliverAsync(app, "fay", 60);
        var inbox = await server.WaitForInboxAsync(app, "fay", 60);
        var first = inbox["data"]![0]!["id"]!.GetValue<long>();
        await server.Http.CallAsync(app.AsUser("fay", HttpMethod.Post, $"v3/notifications/{first}/click"), HttpStatusCode.OK);

        // The first read found 60 changes and folded 99 at most; later reads see the folded row and what is left.
        var again = await Inbox(app, "fay", "limit=1");
        var changesLeft = await CountRowsAsync(app, "fay", prefix: "c|");

        Assert.Equal(60, again["pagination"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(59, again["unreadCount"]!.GetValue<int>());
        Assert.True(changesLeft < 50, $"{changesLeft} counter changes left unfolded");
    }

    /// <summary>Many items straight through the inbox writer, as many sends' deliveries would write them.</summary>
    private async Task DeliverAsync(TestApp app, string user, int items)
    {
        var writer = server.Get<InboxWriter>();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        await Parallel.ForEachAsync(Enumerable.Range(0, items), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var sendId = Guid.NewGuid().ToString();
            var content = new InboxContent(sendId, start.AddSeconds(i), new NotificationContent($"item {i}", null));
            await writer.DeliverAsync(app.Id, user, NotificationIds.For(app.Id, sendId, user), content, null, null, ct);
        });
    }

    private async Task<JsonNode> Inbox(TestApp app, string user, string query) =>
        await server.Http.CallAsync(app.AsUser(user, HttpMethod.Get, $"v3/notifications?{query}"), HttpStatusCode.OK);

    /// <summary>Each item row's ETag: a write to an item changes its own.</summary>
    private async Task<Dictionary<string, string>> ItemVersionsAsync(TestApp app, string user)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.User(app.Id, user)} and RowKey ge {TableKeys.InboxItemPrefix} and RowKey lt {TableKeys.InboxItemEnd}");
        var versions = new Dictionary<string, string>();
        await foreach (var row in server.Storage.Table(TableNames.Users).QueryAsync<TableEntity>(filter, select: ["RowKey"]))
            versions[row.RowKey] = row.ETag.ToString();
        Assert.NotEmpty(versions);
        return versions;
    }

    private async Task<int> CountRowsAsync(TestApp app, string user, string? prefix = null)
    {
        var partition = TableKeys.User(app.Id, user);
        var filter = prefix is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        var count = 0;
        await foreach (var _ in server.Storage.Table(TableNames.Users).QueryAsync<TableEntity>(filter, select: ["RowKey"])) count++;
        return count;
    }
}
