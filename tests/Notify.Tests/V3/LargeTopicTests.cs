using System.Diagnostics;
using Azure.Data.Tables;
using Notify.Core.Pipeline;
using Notify.Core.Sends;
using Notify.Core.Storage;
using Notify.Core.Topics;
using Notify.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Notify.Tests.V3;

/// <summary>Pages of 25 members, so even a suite-sized topic runs several continuation pages per bucket.</summary>
public sealed class SmallPageNotifyServer : NotifyServer
{
    public const int PageSize = 25;

    protected override IEnumerable<string> Settings => [$"--Notify:RecipientsPerChunk={PageSize}"];
}

[Collection(BulkCollection.Name)]
public sealed class LargeTopicTests(SmallPageNotifyServer server, ITestOutputHelper output) : IClassFixture<SmallPageNotifyServer>
{
    private const int Members = 1_500;

    [Fact]
    public async Task Should_fan_a_large_topic_out_page_by_page_to_every_member_once()
    {
        var app = await server.CreateAppAsync();
        var topicId = await server.CreateTopicAsync(app, "everyone");
        var userIds = Enumerable.Range(0, Members).Select(i => $"user-{i:D5}").ToList();
        await server.Get<TopicMemberStore>().SeedMembersAsync(app.Id, topicId, userIds, null, inAudience: false, parallelism: 16, CancellationToken.None);
        var clock = Stopwatch.StartNew();

        var sendId = await server.SendNotificationAsync(app, new { notification = new { title = "All hands" }, sendTo = new { topics = new[] { "everyone" } } });
        // Queue depth is cheap to poll; scanning every inbox while the fan-out runs would slow Azurite down.
        await server.QueuesDrainedAsync(TimeSpan.FromMinutes(3));
        output.WriteLine($"{Members} members fanned out in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(Members, await DeliveredCountAsync(app));

        var send = (await server.Get<SendStore>().GetAsync(app.Id, sendId, CancellationToken.None))!;
        var expectedChains = Enumerable.Range(0, TopicMemberStore.BucketCount)
            .Sum(b => (userIds.Count(u => TableKeys.BucketOf(u, TopicMemberStore.BucketCount) == b) - 1) / SmallPageNotifyServer.PageSize);
        Assert.Equal(expectedChains, await CountRowsAsync(TableNames.Sends, TableKeys.Send(app.Id, sendId), TableKeys.Sends.PagePrefix(sendId)));

        // A page handled again (an at-least-once redelivery) delivers nothing new; that only one copy of a page
        // chains the next is held in RedeliveryTests.
        var page = new TopicPageMessage(app.Id, sendId, topicId, 0, 0, null);
        await server.Get<TopicPageHandler>().HandleAsync(page, 2, CancellationToken.None);
        await server.QueuesDrainedAsync();
        Assert.Equal(Members, await DeliveredCountAsync(app));
        Assert.Equal(Members, await CountItemsAsync(app));
        Assert.Equal(SendStatus.FannedOut, send.Status);
    }

    /// <summary>Users whose counters show exactly one item: a duplicate would show two.</summary>
    private async Task<int> DeliveredCountAsync(TestApp app)
    {
        var counts = await InboxCountsProbe.PerUserAsync(server.Storage, app.Id);
        Assert.All(counts.Values, c => Assert.True(c.Total <= 1, "a member got the send twice"));
        return counts.Values.Sum(c => c.Total);
    }

    private async Task<int> CountItemsAsync(TestApp app) =>
        await CountAsync(TableNames.Users, TableClient.CreateQueryFilter(
            $"PartitionKey gt {app.Id + "|"} and PartitionKey lt {app.Id + "}"} and RowKey ge {TableKeys.InboxItemPrefix} and RowKey lt {TableKeys.InboxItemEnd}"));

    private Task<int> CountRowsAsync(string table, string partition, string prefix) =>
        CountAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}"));

    private async Task<int> CountAsync(string table, string filter)
    {
        var count = 0;
        await foreach (var _ in server.Storage.Table(table).QueryAsync<TableEntity>(filter, select: ["RowKey"])) count++;
        return count;
    }
}
