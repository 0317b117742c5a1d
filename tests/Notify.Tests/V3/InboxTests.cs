using System.Net;
using System.Text.Json.Nodes;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.V3;

public sealed class InboxTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_page_newest_first_with_exact_counts()
    {
        var app = await server.CreateAppAsync();
        for (var i = 1; i <= 5; i++)
            await server.SendNotificationAsync(app, new { notification = new { title = $"n{i}" }, recipients = new[] { "hana" } });
        await server.WaitForInboxAsync(app, "hana", 5);

        var page2 = await server.Http.CallAsync(app.AsUser("hana", HttpMethod.Get, "v3/notifications?pageNo=2&limit=2"), HttpStatusCode.OK);

        Assert.Equal(["n3", "n2"], Titles(page2));
        Assert.Equal(5, page2["pagination"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(3, page2["pagination"]!["totalPages"]!.GetValue<int>());
        Assert.Equal(5, page2["unreadCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_track_seen_clicked_and_deleted_items_in_the_counters()
    {
        var app = await server.CreateAppAsync();
        await server.SendNotificationAsync(app, new { notification = new { title = "a" }, recipients = new[] { "ivan" } });
        await server.SendNotificationAsync(app, new { notification = new { title = "b" }, recipients = new[] { "ivan" } });
        var items = (await server.WaitForInboxAsync(app, "ivan", 2))["data"]!.AsArray();
        var (newer, older) = (Id(items[0]!), Id(items[1]!));

        await Call(app, HttpMethod.Post, $"v3/notifications/{newer}/click");
        var clicked = await Call(app, HttpMethod.Get, $"v3/notifications/{newer}");
        Assert.NotNull(clicked["clickedAt"]);
        Assert.NotNull(clicked["seenAt"]);
        Assert.Equal(1, await UnreadAsync(app));

        await Call(app, HttpMethod.Delete, $"v3/notifications/{newer}/reads");
        Assert.Null((await Call(app, HttpMethod.Get, $"v3/notifications/{newer}"))["clickedAt"]);

        await Call(app, HttpMethod.Delete, $"v3/notifications/{newer}/views");
        Assert.Equal(2, await UnreadAsync(app));

        await Call(app, HttpMethod.Patch, $"v3/notifications/{older}/click", new { read = true });
        Assert.NotNull((await Call(app, HttpMethod.Get, $"v3/notifications/{older}"))["clickedAt"]);

        var deleted = await Call(app, HttpMethod.Delete, $"v3/notifications/{newer}");
        Assert.Equal("Notification deleted successfully", deleted["message"]!.GetValue<string>());
        await server.Http.CallAsync(app.AsUser("ivan", HttpMethod.Get, $"v3/notifications/{newer}"), HttpStatusCode.NotFound, """{"status":"error","message":"Notification not found"}""");

        var inbox = await Call(app, HttpMethod.Get, "v3/notifications");
        Assert.Equal(1, inbox["pagination"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, inbox["unreadCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_mark_all_seen()
    {
        var app = await server.CreateAppAsync();
        await server.SendNotificationAsync(app, new { notification = new { title = "a" }, recipients = new[] { "ivan" } });
        await server.SendNotificationAsync(app, new { notification = new { title = "b" }, recipients = new[] { "ivan" } });
        await server.WaitForInboxAsync(app, "ivan", 2);

        await Call(app, HttpMethod.Post, "v3/notifications/markAllNotificationsAsSeen");

        var inbox = await Call(app, HttpMethod.Get, "v3/notifications");
        Assert.Equal(0, inbox["unreadCount"]!.GetValue<int>());
        Assert.All(inbox["data"]!.AsArray(), item => Assert.NotNull(item!["seenAt"]));
    }

    [Fact]
    public async Task Should_let_the_backend_act_on_an_inbox_by_naming_the_user_or_only_the_item()
    {
        var app = await server.CreateAppAsync();
        await server.SendNotificationAsync(app, new { notification = new { title = "x" }, recipients = new[] { "jo" } });
        await server.WaitForInboxAsync(app, "jo", 1);

        var inbox = await server.Http.CallAsync(app.Backend(HttpMethod.Get, "v3/notifications?userIdentifier=jo"), HttpStatusCode.OK);
        var id = Id(inbox["data"]![0]!);
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, $"v3/notifications/{id}/click"), HttpStatusCode.OK);

        var item = await server.Http.CallAsync(app.AsUser("jo", HttpMethod.Get, $"v3/notifications/{id}"), HttpStatusCode.OK);
        Assert.NotNull(item["clickedAt"]);
        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, $"v3/notifications/{id}"), HttpStatusCode.OK);
        Assert.Equal(0, (await server.Http.CallAsync(app.AsUser("jo", HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK))["pagination"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_hide_items_from_other_users_and_other_apps()
    {
        var app = await server.CreateAppAsync();
        var other = await server.CreateAppAsync();
        await server.SendNotificationAsync(app, new { notification = new { title = "private" }, recipients = new[] { "kim" } });
        var id = Id((await server.WaitForInboxAsync(app, "kim", 1))["data"]![0]!);

        foreach (var request in new[]
        {
            app.AsUser("lee", HttpMethod.Get, $"v3/notifications/{id}"),
            app.AsUser("lee", HttpMethod.Post, $"v3/notifications/{id}/click"),
            app.AsUser("lee", HttpMethod.Delete, $"v3/notifications/{id}"),
            other.AsUser("kim", HttpMethod.Get, $"v3/notifications/{id}"),
            other.AsUser("kim", HttpMethod.Delete, $"v3/notifications/{id}"),
            other.Backend(HttpMethod.Delete, $"v3/notifications/{id}"),
        })
        {
            var body = await server.Http.CallAsync(request, HttpStatusCode.NotFound);
            Assert.Equal("error", body["status"]!.GetValue<string>());
        }
        var foreign = await server.Http.CallAsync(other.AsUser("kim", HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK);
        Assert.Empty(foreign["data"]!.AsArray());
        var own = await server.Http.CallAsync(app.AsUser("kim", HttpMethod.Get, $"v3/notifications/{id}"), HttpStatusCode.OK);
        Assert.Null(own["seenAt"]);
    }

    [Fact]
    public async Task Should_filter_the_inbox_by_category()
    {
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/categories", new { identifier = "billing", name = "Billing" }), HttpStatusCode.Created);
        await server.SendNotificationAsync(app, new { notification = new { title = "c1", category = "billing" }, recipients = new[] { "max" } });
        await server.SendNotificationAsync(app, new { notification = new { title = "c2" }, recipients = new[] { "max" } });
        await server.WaitForInboxAsync(app, "max", 2);

        var billing = await Call(app, HttpMethod.Get, "v3/notifications?category=billing", user: "max");

        Assert.Equal(["c1"], Titles(billing));
        Assert.Equal(1, billing["pagination"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_remove_a_deleted_users_inbox()
    {
        var app = await server.CreateAppAsync();
        await server.SendNotificationAsync(app, new { notification = new { title = "bye" }, recipients = new[] { "ned" } });
        var id = Id((await server.WaitForInboxAsync(app, "ned", 1))["data"]![0]!);

        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/users/ned"), HttpStatusCode.OK);

        var inbox = await server.Http.CallAsync(app.AsUser("ned", HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK);
        Assert.Equal(0, inbox["pagination"]!["totalCount"]!.GetValue<int>());
        await server.Http.CallAsync(app.Backend(HttpMethod.Get, $"v3/notifications/{id}"), HttpStatusCode.NotFound, """{"status":"error","message":"Notification not found"}""");
        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/users/ned"), HttpStatusCode.NotFound, """{"status":"error","message":"User not found"}""");
    }

    private async Task<JsonNode> Call(TestApp app, HttpMethod method, string path, object? body = null, string user = "ivan") =>
        await server.Http.CallAsync(app.AsUser(user, method, path, body), HttpStatusCode.OK);

    private async Task<int> UnreadAsync(TestApp app) =>
        (await Call(app, HttpMethod.Get, "v3/notifications"))["unreadCount"]!.GetValue<int>();

    private static long Id(JsonNode item) => item["id"]!.GetValue<long>();

    private static string[] Titles(JsonNode inbox) => inbox["data"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).ToArray();
}
