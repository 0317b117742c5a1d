using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Notify.Core.Deliveries;
using Notify.Core.Storage;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Delivery;

/// <summary>A send's deliveries: pages with a continuation token, filters, and totals from the tallies.</summary>
public sealed class DeliveryListingTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_list_a_sends_deliveries_in_pages_with_totals_per_status()
    {
        var app = await server.CreateAppAsync();
        var recipients = Enumerable.Range(0, 30).Select(i => $"list-{i:D2}").ToArray();
        var sendId = await server.SendNotificationAsync(app, new
        {
            notification = new { title = "listed" },
            sendTo = new { recipients },
            @override = new { channels = new[] { "inApp", "sms" } },
        });
        // SMS deliveries are queued first and skipped by the SMS stage (no phone number), so wait for that too.
        var all = await server.WaitForDeliveriesAsync(app, sendId,
            rows => rows.Count == 60 && rows.All(r => r!.Status() != DeliveryStatus.Queued), "60 settled deliveries");

        var seen = new List<string>();
        string? token = null;
        JsonNode page;
        do
        {
            page = await List(app, sendId, $"limit=7&channel=inApp{(token is null ? "" : $"&continuationToken={token}")}");
            seen.AddRange(page["deliveries"]!.AsArray().Select(d => d!["recipient"]!.GetValue<string>()));
            Assert.All(page["deliveries"]!.AsArray(), d => Assert.Equal("inApp", d!["channel"]!.GetValue<string>()));
            Assert.True(page["deliveries"]!.AsArray().Count <= 7);
            token = page["continuationToken"]?.GetValue<string>();
        } while (token is not null);

        Assert.Equal(recipients.Order(), seen.Order());
        Assert.Equal(30, page["totals"]![DeliveryStatus.Sent]!.GetValue<int>());
        Assert.Equal(30, page["totals"]![DeliveryStatus.Skipped]!.GetValue<int>());
        Assert.Equal(0, page["totals"]![DeliveryStatus.Queued]!.GetValue<int>());
        var skipped = await List(app, sendId, "status=skipped&limit=1000");
        Assert.Equal(30, skipped["deliveries"]!.AsArray().Count);
        Assert.Equal(60, all.Count);
    }

    [Fact]
    public async Task Should_fold_a_partitions_tally_changes_as_they_are_written_and_keep_the_totals()
    {
        var app = await server.CreateAppAsync();
        // All in one user bucket: each SMS skip after queuing writes a change row into that one partition.
        var recipients = Enumerable.Range(0, 20_000).Select(i => $"fold-{i}").Where(u => TableKeys.UserBucket(u) == 7).Take(DeliveryTally.FoldAfter + 10).ToArray();
        var sendId = await server.SendNotificationAsync(app, new
        {
            notification = new { title = "folded" },
            sendTo = new { recipients },
            @override = new { channels = new[] { "inApp", "sms" } },
        });
        var partition = $"{TableKeys.DeliveriesOf(app.Id, sendId)}{7:x2}";
        // Waiting through the listing would read the totals, and so fold, before the count below.
        await TestCatalog.EventuallyAsync(async () => await CountAsync(partition, DeliveryStatus.Skipped) == recipients.Length, "every SMS skipped");

        var rows = await TallyRowsAsync(partition);
        var first = (await List(app, sendId, "limit=1"))["totals"]!;
        var second = (await List(app, sendId, "limit=1"))["totals"]!;

        // Two record batches and one move per recipient were written; the writer folded them as it went.
        Assert.True(rows < DeliveryTally.FoldAfter, $"{recipients.Length + 2} tally changes left {rows} rows");
        Assert.Equal(recipients.Length, first[DeliveryStatus.Sent]!.GetValue<int>());
        Assert.Equal(recipients.Length, first[DeliveryStatus.Skipped]!.GetValue<int>());
        Assert.Equal(0, first[DeliveryStatus.Queued]!.GetValue<int>());
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Fact]
    public async Task Should_fold_on_read_the_changes_other_instances_left_and_keep_the_totals()
    {
        var app = await server.CreateAppAsync();
        var sendId = await server.SendNotificationAsync(app, new { notification = new { title = "read-folded" }, recipients = new[] { "reader-1" } });
        await server.WaitForDeliveriesAsync(app, sendId, rows => rows.Count == 1, "the in-app record");
        var partition = $"{TableKeys.DeliveriesOf(app.Id, sendId)}{TableKeys.UserBucket("other"):x2}";
        // Tally changes as other instances' writers leave them (each folds only its own every 50th).
        var table = server.Storage.Table(TableNames.Deliveries);
        foreach (var batch in Enumerable.Range(0, DeliveryTally.FoldAfter + 10).Chunk(50))
            await table.SubmitTransactionAsync(batch.Select(_ => DeliveryTally.Add(partition, new Dictionary<string, int> { [DeliveryStatus.Sent] = 1 })));

        var first = (await List(app, sendId, "limit=1"))["totals"]!;
        var rows = await TallyRowsAsync(partition);
        var second = (await List(app, sendId, "limit=1"))["totals"]!;

        Assert.Equal(1 + DeliveryTally.FoldAfter + 10, first[DeliveryStatus.Sent]!.GetValue<int>());
        Assert.True(rows < DeliveryTally.FoldAfter, $"{DeliveryTally.FoldAfter + 10} changes left {rows} rows after a read");
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Theory]
    [InlineData("limit=0", "limit must be an integer from 1 to 1000")]
    [InlineData("limit=1001", "limit must be an integer from 1 to 1000")]
    [InlineData("status=lost", "status must be one of ")]
    [InlineData("channel=pigeon", "channel must be one of ")]
    [InlineData("continuationToken=%25%25%25", "continuationToken must come from a previous page")]
    public async Task Should_refuse_bad_listing_parameters(string query, string message)
    {
        var app = await server.CreateAppAsync();
        var sendId = await server.SendNotificationAsync(app, new { notification = new { title = "x" }, recipients = new[] { "bad-q" } });

        var answer = await server.Http.CallAsync(app.Backend(HttpMethod.Get, $"v3/requests/{sendId}/deliveries?{query}"), HttpStatusCode.BadRequest);

        Assert.Equal("error", answer["status"]!.GetValue<string>());
        Assert.Contains(answer["message"]!.AsArray(), m => m!.GetValue<string>().StartsWith(message, StringComparison.Ordinal));
    }

    private Task<int> TallyRowsAsync(string partition) => CountAsync(TableClient.CreateQueryFilter(
        $"PartitionKey eq {partition} and RowKey ge {TableKeys.DeliveryRecords.TallyPrefix} and RowKey lt {TableKeys.DeliveryRecords.TallyEnd}"));

    private Task<int> CountAsync(string partition, string status) => CountAsync(TableClient.CreateQueryFilter(
        $"PartitionKey eq {partition} and RowKey ge {TableKeys.DeliveryRecords.RecordPrefix} and RowKey lt {TableKeys.DeliveryRecords.RecordEnd} and Status eq {status}"));

    private async Task<int> CountAsync(string filter)
    {
        var count = 0;
        await foreach (var _ in server.Storage.Table(TableNames.Deliveries).QueryAsync<TableEntity>(filter, select: ["RowKey"]))
            count++;
        return count;
    }

    private async Task<JsonNode> List(TestApp app, string sendId, string query) =>
        await server.Http.CallAsync(app.Backend(HttpMethod.Get, $"v3/requests/{sendId}/deliveries?{query}"), HttpStatusCode.OK);
}
