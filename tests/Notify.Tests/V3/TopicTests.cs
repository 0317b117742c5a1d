using System.Net;
using Notify.Core.Deliveries;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.V3;

public sealed class TopicTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_create_rename_and_delete_a_topic()
    {
        var app = await server.CreateAppAsync();
        var created = await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/topics", new { name = "Release notes", identifier = "releases" }), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<int>();

        var renamed = await server.Http.CallAsync(app.Backend(HttpMethod.Patch, $"v3/topics/{id}", new { name = "Releases" }), HttpStatusCode.OK);
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/topics", new { name = "Again", identifier = "releases" }), HttpStatusCode.Conflict, """{"status":"error","message":"A topic with identifier releases already exists"}""");
        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/topics/releases"), HttpStatusCode.OK);

        Assert.Equal($$"""{"id":{{id}},"name":"Releases","identifier":"releases"}""", renamed.ToJsonString());
        await server.Http.CallAsync(app.Backend(HttpMethod.Patch, $"v3/topics/{id}", new { name = "Gone" }), HttpStatusCode.NotFound, """{"status":"error","message":"Topic not found"}""");
        var recreated = await server.CreateTopicAsync(app, "releases");
        Assert.NotEqual(id, recreated);
    }

    [Fact]
    public async Task Should_manage_members_and_list_a_users_subscriptions()
    {
        var app = await server.CreateAppAsync();
        var news = await server.CreateTopicAsync(app, "news", "ann", new { identifier = "ben", channels = new[] { "email" } });
        var deals = await server.CreateTopicAsync(app, "deals", new { identifier = "ann", channels = new[] { "inApp", "email" } });

        await server.Http.CallAsync(app.Backend(HttpMethod.Put, $"v3/topics/{news}/users/ann", new { channels = new[] { "sms" } }), HttpStatusCode.OK);
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, $"v3/topics/{deals}/detachUsers", new { users = new[] { "ann" } }), HttpStatusCode.OK);
        var ann = await server.Http.CallAsync(app.Backend(HttpMethod.Get, "v3/topics/subscriptions/ann"), HttpStatusCode.OK);
        var ben = await server.Http.CallAsync(app.Backend(HttpMethod.Get, "v3/topics/subscriptions/ben"), HttpStatusCode.OK);

        Assert.Equal($$"""[{"id":{{news}},"name":"news","identifier":"news","channels":["sms"]}]""", ann.ToJsonString());
        Assert.Equal($$"""[{"id":{{news}},"name":"news","identifier":"news","channels":["email"]}]""", ben.ToJsonString());
        await server.Http.CallAsync(app.Backend(HttpMethod.Put, $"v3/topics/{deals}/users/ann", new { channels = new[] { "sms" } }), HttpStatusCode.NotFound, """{"status":"error","message":"User is not a member of this topic"}""");
    }

    [Fact]
    public async Task Should_validate_topic_calls()
    {
        var app = await server.CreateAppAsync();
        var id = await server.CreateTopicAsync(app, "t");

        var badChannel = await server.Http.CallAsync(app.Backend(HttpMethod.Post, $"v3/topics/{id}/users",
            new { users = new object[] { new { identifier = "x", channels = new[] { "pigeon" } }, 7 } }), HttpStatusCode.BadRequest);
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, $"v3/topics/{id}/users", new { users = "x" }), HttpStatusCode.BadRequest, """{"status":"error","message":["users must be an array"]}""");
        await server.Http.CallAsync(app.Backend(HttpMethod.Put, $"v3/topics/{id}/users/x", new { channels = Array.Empty<string>() }), HttpStatusCode.BadRequest, """{"status":"error","message":["channels must be a non-empty array"]}""");
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/topics/nope/users", new { users = new[] { "x" } }), HttpStatusCode.NotFound, """{"status":"error","message":"Topic not found"}""");
        await server.Http.CallAsync(app.AsUser("x", HttpMethod.Post, "v3/topics", new { name = "n", identifier = "i" }), HttpStatusCode.Unauthorized, """{"status":"error","message":"No auth params (or combination of params) were found in the request"}""");
        var unknown = await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/notifications",
            new { notification = new { title = "Hi" }, sendTo = new { topics = new[] { "ghost" } } }), HttpStatusCode.BadRequest);

        Assert.Equal(2, badChannel["message"]!.AsArray().Count);
        Assert.Equal("topic ghost does not exist", unknown["message"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_fan_out_to_members_within_their_chosen_channels()
    {
        var app = await server.CreateAppAsync();
        await server.CreateTopicAsync(app, "launch",
            "all-channels",
            new { identifier = "in-app-only", channels = new[] { "inApp" } },
            new { identifier = "email-only", channels = new[] { "email" } });

        var sendId = await server.SendNotificationAsync(app, new
        {
            notification = new { title = "Launched" },
            sendTo = new { topics = new[] { "launch" }, recipients = new[] { "direct" } },
        });

        await server.WaitForInboxAsync(app, "all-channels", 1);
        await server.WaitForInboxAsync(app, "in-app-only", 1);
        await server.WaitForInboxAsync(app, "direct", 1);
        await server.QueuesDrainedAsync();
        Assert.Equal(0, await server.InboxCountAsync(app, "email-only"));
        Assert.DoesNotContain((await server.Get<DeliveryStore>().ListAsync(app.Id, sendId, null, null, 1000, null, CancellationToken.None)).Rows, d => d.Status == DeliveryStatus.Skipped);
    }

    [Fact]
    public async Task Should_respect_preference_opt_outs_across_a_fan_out()
    {
        var app = await server.CreateAppAsync();
        var digest = await server.CreateCategoryAsync(app, "digest");
        var members = Enumerable.Range(0, 40).Select(i => $"member{i}").ToArray();
        await server.CreateTopicAsync(app, "everyone", members);
        var optedOut = members.Where((_, i) => i % 4 == 0).ToList();
        await Task.WhenAll(optedOut.Select(m => server.SetPreferenceAsync(app, m, digest, "inApp", false)));

        var sendId = await server.SendNotificationAsync(app, new { notification = new { title = "Digest", category = "digest" }, sendTo = new { topics = new[] { "everyone" } } });

        await TestCatalog.EventuallyAsync(async () =>
            (await server.Get<DeliveryStore>().ListAsync(app.Id, sendId, null, null, 1000, null, CancellationToken.None)).Rows.Count(d => d.Status == DeliveryStatus.Skipped) == optedOut.Count,
            "skips to be recorded");
        await server.QueuesDrainedAsync();
        var counts = await Task.WhenAll(members.Select(m => server.InboxCountAsync(app, m)));
        Assert.All(members.Zip(counts), p => Assert.Equal(optedOut.Contains(p.First) ? 0 : 1, p.Second));
        var deliveries = (await server.Get<DeliveryStore>().ListAsync(app.Id, sendId, null, null, 1000, null, CancellationToken.None)).Rows;
        var skipped = deliveries.Where(d => d.Status != DeliveryStatus.Sent).ToList();
        Assert.Equal(optedOut.Order(), skipped.Select(s => s.UserId).Order());
        Assert.Equal(members.Except(optedOut).Order(), deliveries.Where(d => d.Status == DeliveryStatus.Sent).Select(d => d.UserId).Order());
        Assert.All(skipped, s => Assert.Equal((DeliveryStatus.Skipped, "preference"), (s.Status, s.LastError)));
    }

    [Fact]
    public async Task Should_not_bring_back_a_deleted_user_through_a_topic()
    {
        var app = await server.CreateAppAsync();
        await server.CreateTopicAsync(app, "club", "leaver", "stayer");
        await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/leaver", new { name = "Leaver" }), HttpStatusCode.OK);

        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/users/leaver"), HttpStatusCode.OK);
        await server.SendNotificationAsync(app, new { notification = new { title = "Club news" }, sendTo = new { topics = new[] { "club" } } });

        await server.WaitForInboxAsync(app, "stayer", 1);
        await server.QueuesDrainedAsync();
        Assert.Equal(0, await server.InboxCountAsync(app, "leaver"));
    }
}
