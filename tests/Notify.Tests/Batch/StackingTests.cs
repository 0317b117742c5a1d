using System.Net;
using Notify.Core.Content;
using Notify.Core.Inbox;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Batch;

public sealed class StackingTests(BatchServer server) : IClassFixture<BatchServer>
{
    [Fact]
    public async Task Should_stack_messages_of_one_increment_id_into_one_item_re_rendered_and_unread_again()
    {
        var app = await server.CreateAppAsync();
        await server.CreateNotificationAsync(app, BatchApi.InAppNotification("comments"));
        var first = await server.SendMessagesAsync(app, new { notificationId = "comments", userId = "sam", incrementId = "post-1", data = new { what = "a comment" } });
        Assert.Equal(1, (int)first[0]!["increment"]!);
        var itemId = (long)(await server.WaitForInboxAsync(app, "sam", 1))["data"]![0]!["id"]!;
        await server.Http.CallAsync(app.AsUser("sam", HttpMethod.Post, $"v3/notifications/{itemId}/click"), HttpStatusCode.OK);

        var second = await server.SendMessagesAsync(app, new { notificationId = "comments", userId = "sam", incrementId = "post-1", data = new { what = "comments" } });
        await server.SendMessagesAsync(app, new { notificationId = "comments", userId = "sam", incrementId = "post-2", data = new { what = "other" } });

        Assert.Equal(2, (int)second[0]!["increment"]!);
        var inbox = await server.WaitForInboxAsync(app, "sam", 2);
        var stacked = inbox["data"]!.AsArray().Single(i => (long)i!["id"]! == itemId)!;
        Assert.Equal("comments x2", (string)stacked["message"]!);
        Assert.Equal("comments", (string)stacked["data"]!["what"]!);
        Assert.Null(stacked["clickedAt"]);
        Assert.Null(stacked["seenAt"]);
        Assert.Equal(2, (int)inbox["unreadCount"]!);
    }

    [Fact]
    public async Task Should_end_two_racing_messages_of_one_stack_as_one_item_whose_count_is_2()
    {
        var app = await server.CreateAppAsync();
        await server.CreateNotificationAsync(app, BatchApi.InAppNotification("likes"));

        for (var round = 0; round < 5; round++)
        {
            var user = $"racer-{round}";
            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
                server.SendMessagesAsync(app, new { notificationId = "likes", userId = user, incrementId = "photo", data = new { what = $"like {i}" } })));

            Assert.Equal([1, 2], answers.Select(a => (int)a[0]!["increment"]!).Order());
            var inbox = await server.WaitForInboxAsync(app, user, 1);
            Assert.EndsWith(" x2", (string)inbox["data"]![0]!["message"]!);
            Assert.Equal(1, (int)inbox["unreadCount"]!);
        }
    }

    [Fact]
    public async Task Should_not_count_the_same_message_twice_when_it_is_stacked_again()
    {
        var app = await server.CreateAppAsync();
        var stacks = server.Get<InboxStacks>();
        InboxContent Render(int n) => new("m.retry", DateTimeOffset.UtcNow, new NotificationContent($"x{n}", null)) { Increment = n };

        var first = await stacks.AddAsync(app.Id, "yan", "n", "k", "m.first", 11, TimeSpan.FromHours(1), Render, CancellationToken.None);
        var second = await stacks.AddAsync(app.Id, "yan", "n", "k", "m.second", 12, TimeSpan.FromHours(1), Render, CancellationToken.None);
        var repeated = await stacks.AddAsync(app.Id, "yan", "n", "k", "m.second", 12, TimeSpan.FromHours(1), Render, CancellationToken.None);

        Assert.Equal([(11L, 1), (11L, 2), (11L, 2)], new[] { first, second, repeated });
        var inbox = await server.WaitForInboxAsync(app, "yan", 1);
        Assert.Equal("x2", (string)inbox["data"]![0]!["title"]!);
    }

    [Fact]
    public async Task Should_start_a_new_stack_after_the_timeout()
    {
        var app = await server.CreateAppAsync();
        await server.CreateNotificationAsync(app, BatchApi.InAppNotification("short", stackTimeoutSeconds: 60));

        await server.SendMessagesAsync(app, new { notificationId = "short", userId = "tim", incrementId = "k", data = new { what = "one" } });
        await server.SendMessagesAsync(app, new { notificationId = "short", userId = "tim", incrementId = "k", data = new { what = "two" } });
        server.Clock.Advance(TimeSpan.FromSeconds(61));
        var late = await server.SendMessagesAsync(app, new { notificationId = "short", userId = "tim", incrementId = "k", data = new { what = "three" } });

        Assert.Equal(1, (int)late[0]!["increment"]!);
        var inbox = await server.WaitForInboxAsync(app, "tim", 2);
        Assert.Equal(["three x1", "two x2"], inbox["data"]!.AsArray().Select(i => (string)i!["message"]!));
    }
}
