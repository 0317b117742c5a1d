using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Pipeline;
using Notify.Core.Sends;
using Notify.Core.Storage;
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

        // A small send is committed with its recipients on its row, and the send stage delivers them itself.
        await sends.HandleAsync(new SendMessage(app.Id, sendId), 1, default);
        var first = await InboxAsync(app, "ona");
        await sends.HandleAsync(new SendMessage(app.Id, sendId), 2, default);
        await DeliverAgainAsync(app, sendId);
        var second = await InboxAsync(app, "ona");

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(1, second["pagination"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(1, second["unreadCount"]!.GetValue<int>());
        Assert.Equal(1, await CountItemsAsync(app, "ona"));
        Assert.Empty((await server.Storage.Queue(QueueNames.Deliveries).PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Should_not_duplicate_items_when_a_chunk_of_a_large_send_repeats()
    {
        var app = await server.CreateAppAsync();
        var recipients = Enumerable.Range(0, 300).Select(i => $"many-{i}").ToArray();
        var sendId = await server.SendNotificationAsync(app, new { notification = new { title = "chunked" }, recipients });
        var deliveries = server.Services.GetRequiredService<DeliveryHandler>();
        await server.Services.GetRequiredService<SendHandler>().HandleAsync(new SendMessage(app.Id, sendId), 1, default);
        var chunks = (await server.Storage.Queue(QueueNames.Deliveries).PeekMessagesAsync(32)).Value
            .Select(m => NotifyStorage.ReadMessage<DeliveryMessage>(m.Body.ToString())).Where(m => m.SendId == sendId).ToList();
        Assert.Equal(2, chunks.Count);

        var message = chunks[0];
        await deliveries.HandleAsync(message, 1, default);
        var first = await InboxCountsProbe.PerUserAsync(server.Storage, app.Id);
        Assert.Contains(first.Count, new[] { 250, 50 });
        await deliveries.HandleAsync(message, 2, default);
        var second = await InboxCountsProbe.PerUserAsync(server.Storage, app.Id);

        Assert.Equal(first, second);
        Assert.All(second.Values, c => Assert.Equal((1, 1), c));
    }

    [Fact]
    public async Task Should_let_one_of_many_copies_of_a_topic_page_chain_the_next_page()
    {
        var app = await server.CreateAppAsync();
        var sendId = await server.SendNotificationAsync(app, new { notification = new { title = "paged" }, recipients = new[] { "pam" } });
        var sends = server.Get<SendStore>();
        var send = (await sends.GetAsync(app.Id, sendId, default))!;

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => sends.TryClaimPageChainAsync(send, 1, 0, 0, default))));
        Assert.Single(claims, claimed => claimed);

        // A copy whose queueing failed gives the claim back, so the page's next copy can chain.
        await sends.ReleasePageChainAsync(send, 1, 0, 0, default);
        Assert.True(await sends.TryClaimPageChainAsync(send, 1, 0, 0, default));
        Assert.False(await sends.TryClaimPageChainAsync(send, 1, 0, 0, default));
    }

    [Fact]
    public async Task Should_not_bring_back_an_item_the_user_deleted_when_its_delivery_repeats()
    {
        var app = await server.CreateAppAsync();
        var sendId = await server.SendNotificationAsync(app, new { notification = new { title = "gone" }, recipients = new[] { "quin" } });
        await server.Services.GetRequiredService<SendHandler>().HandleAsync(new SendMessage(app.Id, sendId), 1, default);
        var id = (await InboxAsync(app, "quin"))["data"]![0]!["id"]!.GetValue<long>();
        await server.Http.CallAsync(app.AsUser("quin", HttpMethod.Delete, $"v3/notifications/{id}"), HttpStatusCode.OK);

        await DeliverAgainAsync(app, sendId);

        var inbox = await InboxAsync(app, "quin");
        Assert.Empty(inbox["data"]!.AsArray());
        Assert.Equal(0, inbox["pagination"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_not_bring_back_a_deleted_user_when_a_delivery_repeats()
    {
        var app = await server.CreateAppAsync();
        var sendId = await server.SendNotificationAsync(app, new { notification = new { title = "before" }, recipients = new[] { "rex" } });
        await server.Services.GetRequiredService<SendHandler>().HandleAsync(new SendMessage(app.Id, sendId), 1, default);
        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/users/rex"), HttpStatusCode.OK);

        await DeliverAgainAsync(app, sendId);

        Assert.Empty((await InboxAsync(app, "rex"))["data"]!.AsArray());
        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/users/rex"), HttpStatusCode.NotFound, """{"status":"error","message":"User not found"}""");
    }

    /// <summary>The delivery stage run again on a send already delivered, as a redelivered message would.</summary>
    private async Task DeliverAgainAsync(TestApp app, string sendId)
    {
        var send = (await server.Get<SendStore>().GetAsync(app.Id, sendId, default))!;
        var audience = Recipient.Deserialize(send.RecipientsJson!).Select(r => new AudienceMember(r, null)).ToList();
        await server.Get<RecipientDelivery>().DeliverAsync(send, audience, default);
    }

    private Task<System.Text.Json.Nodes.JsonNode> InboxAsync(TestApp app, string user) =>
        server.Http.CallAsync(app.AsUser(user, HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK);

    private async Task<int> CountItemsAsync(TestApp app, string user)
    {
        var partition = TableKeys.User(app.Id, user);
        var count = 0;
        await foreach (var _ in server.Storage.Table(TableNames.Users).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {TableKeys.InboxItemPrefix} and RowKey lt {TableKeys.InboxItemEnd}"), select: ["RowKey"]))
            count++;
        return count;
    }
}
