using System.Net;
using Notify.Core.Storage;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Pipeline;

/// <summary>Concurrent small sends are committed together, and each is still its own send with its own id.</summary>
public sealed class GroupCommitTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_commit_concurrent_sends_together_and_deliver_each_once()
    {
        var app = await server.CreateAppAsync();
        const int sends = 40;

        var ids = await Task.WhenAll(Enumerable.Range(0, sends).Select(i =>
            server.SendNotificationAsync(app, new { notification = new { title = $"g{i}" }, recipients = new[] { $"group-{i % 4}" } })));

        Assert.Equal(sends, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _), $"{id} is a GUID"));
        var partitions = ids.Select(id => TableKeys.Send(app.Id, id)).Distinct().Count();
        Assert.True(partitions < sends, $"{sends} concurrent sends took {partitions} commits");
        var itemIds = new Dictionary<string, long>();
        for (var user = 0; user < 4; user++)
        {
            var inbox = await server.WaitForInboxAsync(app, $"group-{user}", sends / 4);
            Assert.Equal(sends / 4, inbox["data"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).Distinct().Count());
            foreach (var item in inbox["data"]!.AsArray()) itemIds[item!["title"]!.GetValue<string>()] = item["id"]!.GetValue<long>();
        }

        // One-recipient sends of a group share their items' id bucket, so the group's id-index rows are one partition,
        // though the users' own buckets differ.
        Assert.Equal(4, Enumerable.Range(0, 4).Select(u => TableKeys.UserBucket($"group-{u}")).Distinct().Count());
        var groups = Enumerable.Range(0, sends).GroupBy(i => TableKeys.Send(app.Id, ids[i])).Where(g => g.Select(i => i % 4).Distinct().Count() > 1).ToList();
        Assert.NotEmpty(groups);
        Assert.All(groups, g => Assert.Single(g.Select(i => itemIds[$"g{i}"] % TableKeys.UserBuckets).Distinct()));
        // The index finds each item's user for a backend that names none.
        foreach (var i in groups[0])
            await server.Http.CallAsync(app.Backend(HttpMethod.Post, $"v3/notifications/{itemIds[$"g{i}"]}/click"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_keep_the_users_own_id_bucket_for_grouped_sends_that_also_name_a_topic()
    {
        var app = await server.CreateAppAsync();
        var members = Enumerable.Range(0, 6).Select(i => $"member-{i}").ToArray();
        await server.CreateTopicAsync(app, "crowd", members.Cast<object>().ToArray());
        const int sends = 12;

        var ids = await Task.WhenAll(Enumerable.Range(0, sends).Select(i =>
            server.SendNotificationAsync(app, new { notification = new { title = $"t{i}" }, sendTo = new { topics = new[] { "crowd" }, recipients = new[] { $"listed-{i}" } } })));

        Assert.True(ids.Select(id => TableKeys.Send(app.Id, id)).Distinct().Count() < sends, "the sends were committed in groups");
        // A topic's whole audience would otherwise share one id-index partition.
        foreach (var user in members.Append("listed-0"))
        {
            var inbox = await server.WaitForInboxAsync(app, user, user == "listed-0" ? 1 : sends);
            Assert.All(inbox["data"]!.AsArray(), item => Assert.Equal(TableKeys.UserBucket(user), item!["id"]!.GetValue<long>() % TableKeys.UserBuckets));
        }
    }
}
