using System.Net;
using Azure.Data.Tables;
using Notify.Core;
using Notify.Core.Audience;
using Notify.Core.Storage;
using Notify.Core.Topics;
using Notify.Core.Users;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Status;

/// <summary>Who a request reaches: receivers by id or e-mail, the app's whole audience, and groups.</summary>
public sealed class StatusAudienceTests(StatusServer server) : IClassFixture<StatusServer>
{
    [Fact]
    public async Task Should_resolve_receivers_by_the_email_in_their_profile_or_create_them()
    {
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/u-ann", new { email = "Ann@Example.com" }), HttpStatusCode.OK);
        await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/u-moved", new { email = "old@example.com" }), HttpStatusCode.OK);
        await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/u-moved", new { email = "moved@example.com" }), HttpStatusCode.OK);

        var created = await server.CreateRequestAsync(app, new
        {
            type = "SIMPLE", title = "By mail", content = "c",
            receivers = new[] { "ann@example.com", "new@example.com", "old@example.com", "moved@example.com", "plain-id" },
        });
        var read = await server.WaitUntilCompletedAsync(app, (string)created["id"]!);

        Assert.Equal(["u-ann", "new@example.com", "old@example.com", "u-moved", "plain-id"], created["receivers"].Strings());
        Assert.Equal(5, (int)read["notifications"]!["meta"]!["total_count"]!);
        Assert.Equal("new@example.com", (string)read.ItemOf("new@example.com")["user"]!["email"]!);
        Assert.Equal("Ann@Example.com", (string)read.ItemOf("u-ann")["user"]!["email"]!);
        Assert.Equal(1, await server.InboxCountAsync(app, "u-ann"));
        Assert.Equal(1, await server.InboxCountAsync(app, "u-moved"));
        var other = await server.CreateAppAsync();
        var elsewhere = await server.CreateRequestAsync(other, new { type = "SIMPLE", title = "Other app", content = "c", receivers = new[] { "ann@example.com" } });
        Assert.Equal(["ann@example.com"], elsewhere["receivers"].Strings());
    }

    [Fact]
    public async Task Should_broadcast_to_every_current_user_including_those_created_after_others_were_deleted()
    {
        var app = await server.CreateAppAsync();
        foreach (var user in new[] { "early1", "early2", "doomed1", "doomed2" })
            await server.Http.CallAsync(app.Backend(HttpMethod.Put, $"v3/users/{user}", new { }), HttpStatusCode.OK);
        await server.SendNotificationAsync(app, new { notification = new { title = "Welcome" }, sendTo = new { recipients = new[] { "via-send" } } });
        await server.WaitForInboxAsync(app, "via-send", 1);
        foreach (var user in new[] { "doomed1", "doomed2" })
            await server.Http.CallAsync(app.Backend(HttpMethod.Delete, $"v3/users/{user}"), HttpStatusCode.OK);
        foreach (var user in new[] { "late1", "late2", "late3", "late4", "late5", "late6" })
            await server.Http.CallAsync(app.Backend(HttpMethod.Put, $"v3/users/{user}", new { }), HttpStatusCode.OK);
        var bystander = await server.CreateAppAsync();
        await server.Http.CallAsync(bystander.Backend(HttpMethod.Put, "v3/users/stranger", new { }), HttpStatusCode.OK);

        var id = (string)(await server.CreateRequestAsync(app, new { type = "SIMPLE", title = "Everyone", content = "c", broadcast = true }))["id"]!;
        var read = await server.WaitUntilCompletedAsync(app, id, "?limit=100");

        string[] expected = ["early1", "early2", "late1", "late2", "late3", "late4", "late5", "late6", "via-send"];
        Assert.Equal(expected, read.Items().Select(i => (string)i["user"]!["id"]!).Order());
        Assert.True((bool)read["broadcast"]!);
        Assert.Empty(read["receivers"]!.AsArray());
        Assert.Null(await server.Get<UserStore>().GetAsync(app.Id, "doomed1", CancellationToken.None));
        Assert.Equal(0, await server.InboxCountAsync(bystander, "stranger"));
        var subscriptions = await server.Http.CallAsync(app.Backend(HttpMethod.Get, "v3/topics/subscriptions/early1"), HttpStatusCode.OK);
        Assert.Empty(subscriptions.AsArray());
    }

    [Fact]
    public async Task Should_broadcast_to_topic_members_the_api_added_and_to_older_members_once_a_topic_send_reached_them()
    {
        var app = await server.CreateAppAsync();
        await server.CreateTopicAsync(app, "added", "added-only");
        var older = await server.CreateTopicAsync(app, "older");
        // A member row as written before member rows said whether their user joined the audience.
        await server.Storage.Table(TableNames.TopicMembers).AddEntityAsync(
            new TableEntity(TopicMemberStore.PartitionOf(app.Id, older, "older-reached"), TableKeys.Encode("older-reached")) { ["UserId"] = "older-reached" });
        var beforeSend = await server.CreateRequestAsync(app, new { type = "SIMPLE", title = "Before", content = "c", broadcast = true });
        var before = await server.WaitUntilCompletedAsync(app, (string)beforeSend["id"]!);
        Assert.Equal(["added-only"], before.Items().Select(i => (string)i["user"]!["id"]!));
        await server.SendNotificationAsync(app, new { notification = new { title = "Older" }, sendTo = new { topics = new[] { "older" } } });
        await server.WaitForInboxAsync(app, "older-reached", 1);

        var id = (string)(await server.CreateRequestAsync(app, new { type = "SIMPLE", title = "Everyone", content = "c", broadcast = true }))["id"]!;
        var read = await server.WaitUntilCompletedAsync(app, id, "?limit=100");

        Assert.Equal(["added-only", "older-reached"], read.Items().Select(i => (string)i["user"]!["id"]!).Order());
        Assert.Equal(2, await server.InboxCountAsync(app, "added-only"));
    }

    [Fact]
    public async Task Should_not_join_members_the_topic_api_joined_again_on_a_send_to_the_topic()
    {
        var app = await server.CreateAppAsync();
        var topicId = await server.CreateTopicAsync(app, "marked", "marked-member");
        Assert.True(await InAudienceAsync(app, "marked-member"));
        // A change of channels keeps the member's mark.
        await server.Http.CallAsync(app.Backend(HttpMethod.Put, $"v3/topics/{topicId}/users/marked-member",
            new { channels = new[] { DeliveryChannels.InApp } }), HttpStatusCode.OK);
        // Taken out behind the service's back: a send that joined its members anew would write the row again.
        await server.Get<AppAudience>().LeaveAsync(app.Id, "marked-member", CancellationToken.None);

        await server.SendNotificationAsync(app, new { notification = new { title = "Marked" }, sendTo = new { topics = new[] { "marked" } } });
        await server.WaitForInboxAsync(app, "marked-member", 1);

        Assert.False(await InAudienceAsync(app, "marked-member"));
    }

    private async Task<bool> InAudienceAsync(TestApp app, string userId) =>
        (await server.Storage.Table(TableNames.TopicMembers).GetEntityIfExistsAsync<TableEntity>(
            TopicMemberStore.PartitionOf(app.Id, AppAudience.TopicId, userId), TableKeys.Encode(userId))).HasValue;

    [Fact]
    public async Task Should_send_to_groups_and_receivers_once_each()
    {
        var app = await server.CreateAppAsync();
        var members = Enumerable.Range(0, 12).Select(i => $"member{i}").ToArray();
        var group = await server.CreateTopicAsync(app, "staff", members);
        await server.CreateTopicAsync(app, "others", "outsider");

        var id = (string)(await server.CreateRequestAsync(app, new { type = "SIMPLE", title = "Staff", content = "c", groups = new[] { group }, receivers = new[] { "member0", "guest" } }))["id"]!;
        var read = await server.WaitUntilCompletedAsync(app, id, "?limit=100");

        Assert.Equal(members.Append("guest").Order(), read.Items().Select(i => (string)i["user"]!["id"]!).Order());
        Assert.Equal([group], read["groups"]!.AsArray().Select(g => (int)g!));
        Assert.Equal(1, await server.InboxCountAsync(app, "member0"));
        Assert.Equal(0, await server.InboxCountAsync(app, "outsider"));
    }

    [Fact]
    public async Task Should_page_through_the_receivers()
    {
        var app = await server.CreateAppAsync();
        var users = Enumerable.Range(0, 23).Select(i => $"r{i:D2}").ToArray();
        var id = (string)(await server.CreateRequestAsync(app, new { type = "SIMPLE", title = "Pages", content = "c", receivers = users }))["id"]!;
        await server.WaitUntilCompletedAsync(app, id);

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var read = await server.ReadRequestAsync(app, id, $"?page={page}&limit=10");
            var meta = read["notifications"]!["meta"]!;
            Assert.Equal($$"""{"total_count":23,"page_count":3,"current_count":{{(page < 3 ? 10 : 3)}},"current_page":{{page}}}""", meta.ToJsonString());
            pages.AddRange(read.Items().Select(i => (string)i["user"]!["id"]!));
        }
        var beyond = await server.ReadRequestAsync(app, id, "?page=4&limit=10");

        Assert.Equal(users, pages.Order());
        Assert.Empty(beyond.Items());
        Assert.Equal(23, (int)beyond["notifications"]!["meta"]!["total_count"]!);
    }
}
