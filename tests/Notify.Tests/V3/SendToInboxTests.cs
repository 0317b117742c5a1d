using System.Net;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.V3;

public sealed class SendToInboxTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_deliver_a_send_to_every_recipients_inbox()
    {
        var app = await server.CreateAppAsync();
        await server.SendNotificationAsync(app, new
        {
            notification = new { title = "Photo popular", message = "1K views", icon = "https://i/x.png", url = "https://x", data = new { photoId = 7 } },
            sendTo = new { recipients = new object[] { "alice", new { identifier = "bob", email = "bob@example.com" } } },
        });

        var alice = await server.WaitForInboxAsync(app, "alice", 1);
        var bob = await server.WaitForInboxAsync(app, "bob", 1);

        var item = alice["data"]![0]!;
        Assert.Equal("Photo popular", item["title"]!.GetValue<string>());
        Assert.Equal("1K views", item["message"]!.GetValue<string>());
        Assert.Equal("https://i/x.png", item["icon"]!.GetValue<string>());
        Assert.Equal(7, item["data"]!["photoId"]!.GetValue<int>());
        Assert.Null(item["seenAt"]);
        Assert.Equal(1, alice["unreadCount"]!.GetValue<int>());
        Assert.NotEqual(item["id"]!.GetValue<long>(), bob["data"]![0]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Should_accept_the_legacy_recipients_field()
    {
        var app = await server.CreateAppAsync();
        await server.SendNotificationAsync(app, new { notification = new { title = "Legacy" }, recipients = new[] { "carol" } });

        var inbox = await server.WaitForInboxAsync(app, "carol", 1);

        Assert.Equal("Legacy", inbox["data"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_create_an_unknown_recipient_with_the_inline_profile()
    {
        var app = await server.CreateAppAsync();
        await server.SendNotificationAsync(app, new
        {
            notification = new { title = "Hi" },
            sendTo = new { recipients = new[] { new { identifier = "dave", email = "dave@example.com", name = "Dave" } } },
        });
        await server.WaitForInboxAsync(app, "dave", 1);

        var user = await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/dave", new { plan = "pro" }), HttpStatusCode.OK);

        Assert.Equal("dave@example.com", user["profile"]!["email"]!.GetValue<string>());
        Assert.Equal("Dave", user["profile"]!["name"]!.GetValue<string>());
        Assert.Equal("pro", user["profile"]!["plan"]!.GetValue<string>());
    }
}
