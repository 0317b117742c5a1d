using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Pipeline;
using Notify.Core.Storage;
using Notify.Core.Users;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Pipeline;

/// <summary>Queue messages arrive at least once: each stage is run twice by hand and must change nothing the second time.</summary>
public sealed class RedeliveryTests(NotifyServerWithoutPipeline server) : IClassFixture<NotifyServerWithoutPipeline>
{
    [Fact]
    public async Task Should_not_duplicate_items_or_counts_when_a_send_and_its_deliveries_repeat()
    {
        var app = await server.CreateAppAsync();
        var sendId = await server.SendNotificationAsync(app, new { notification = new { title = "once" }, recipients = new[] { "ona", "pia" } });
        var sends = server.Services.GetRequiredService<SendHandler>();
        var deliveries = server.Services.GetRequiredService<DeliveryHandler>();

        await sends.HandleAsync(new SendMessage(app.Id, sendId), 1, default);
        await sends.HandleAsync(new SendMessage(app.Id, sendId), 2, default);
        await deliveries.HandleAsync(new DeliveryMessage(app.Id, sendId, 0), 1, default);
        var first = await InboxAsync(app, "ona");
        await deliveries.HandleAsync(new DeliveryMessage(app.Id, sendId, 0), 2, default);
        var second = await InboxAsync(app, "ona");

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(1, second["pagination"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(1, second["unreadCount"]!.GetValue<int>());
        Assert.Equal(1, await CountItemsAsync(app, "ona"));
        Assert.Single(await server.Storage.Queue(QueueNames.Deliveries).PeekMessagesAsync(32).ContinueWith(t => t.Result.Value));
    }

    [Fact]
    public async Task Should_not_bring_back_an_item_the_user_deleted_when_its_delivery_repeats()
    {
        var app = await server.CreateAppAsync();
        var sendId = await server.SendNotificationAsync(app, new { notification = new { title = "gone" }, recipients = new[] { "quin" } });
        var deliveries = server.Services.GetRequiredService<DeliveryHandler>();
        await deliveries.HandleAsync(new DeliveryMessage(app.Id, sendId, 0), 1, default);
        var id = (await InboxAsync(app, "quin"))["data"]![0]!["id"]!.GetValue<long>();
        await server.Http.CallAsync(app.AsUser("quin", HttpMethod.Delete, $"v3/notifications/{id}"), HttpStatusCode.OK);

        await deliveries.HandleAsync(new DeliveryMessage(app.Id, sendId, 0), 2, default);

        var inbox = await InboxAsync(app, "quin");
        Assert.Empty(inbox["data"]!.AsArray());
        Assert.Equal(0, inbox["pagination"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_not_bring_back_a_deleted_user_when_a_delivery_repeats()
    {
        var app = await server.CreateAppAsync();
        var sendId = await server.SendNotificationAsync(app, new { notification = new { title = "before" }, recipients = new[] { "rex" } });
        var deliveries = server.Services.GetRequiredService<DeliveryHandler>();
        await deliveries.HandleAsync(new DeliveryMessage(app.Id, sendId, 0), 1, default);
        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/users/rex"), HttpStatusCode.OK);

        await deliveries.HandleAsync(new DeliveryMessage(app.Id, sendId, 0), 2, default);

        Assert.Empty((await InboxAsync(app, "rex"))["data"]!.AsArray());
        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/users/rex"), HttpStatusCode.NotFound, """{"status":"error","message":"User not found"}""");
    }

    private Task<System.Text.Json.Nodes.JsonNode> InboxAsync(TestApp app, string user) =>
        server.Http.CallAsync(app.AsUser(user, HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK);

    private async Task<int> CountItemsAsync(TestApp app, string user)
    {
        var partition = TableKeys.User(app.Id, user);
        var count = 0;
        await foreach (var _ in server.Storage.Table(TableNames.Users).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ne {UserRow.Key}"), select: ["RowKey"]))
            count++;
        return count / 2;
    }
}
