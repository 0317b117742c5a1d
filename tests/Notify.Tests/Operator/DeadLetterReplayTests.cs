using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Deliveries;
using Notify.Core.RateLimits;
using Notify.Core.Storage;
using Notify.Tests.Channels.Webhooks;
using Notify.Tests.Delivery;
using Notify.Tests.Infrastructure;
using Notify.Tests.Status;

namespace Notify.Tests.Operator;

/// <summary>Work that fails until its endpoint is fixed lands in a dead-letter queue; the operator replays it, and it is delivered once.</summary>
public sealed class DeadLetterReplayTests(DeadLetterServer server) : IClassFixture<DeadLetterServer>, IAsyncLifetime
{
    private static readonly string WebhookFailed = QueueNames.Failed(QueueNames.Webhook);
    private static readonly string AnswerEventsPoison = QueueNames.Poison(QueueNames.AnswerEvents);
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task Should_replay_a_failed_webhook_delivery_once_after_the_endpoint_is_fixed_and_never_deliver_it_twice()
    {
        var app = await server.CreateAppAsync();
        await server.PointWebhookAsync(app, receiver, "error");
        var sendId = await server.SendNotificationAsync(app, new
        {
            notification = new { title = "Invoice ready" },
            sendTo = new { recipients = new[] { "payer" } },
            @override = new { channels = new[] { "webhook" } },
        });
        await DeliveryStatusAsync(app, sendId, DeliveryStatus.Failed);
        await TestCatalog.EventuallyAsync(async () => await server.CountAsync(WebhookFailed) == 1, "the failed delivery");

        var page = await server.ListAsync(WebhookFailed, "?holdSeconds=120");
        var letter = Assert.Single(page["messages"]!.AsArray())!;
        Assert.Equal((WebhookFailed, "failed", QueueNames.Webhook), ((string)page["queue"]!, (string)page["kind"]!, (string)page["source"]!));
        Assert.Equal((app.Id, sendId, "webhook", 3), ((string)letter["appId"]!, (string)letter["sendId"]!, (string)letter["channel"]!, (int)letter["attempts"]!));
        Assert.Equal(["payer"], letter["recipients"].Strings());
        Assert.Contains("500", (string)letter["lastError"]!);
        Assert.Equal("payer", (string)letter["message"]!["userId"]!);
        Assert.InRange(letter["insertedAt"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.True(letter["heldUntil"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddSeconds(60));
        Assert.Equal(3, receiver.Calls.Count(c => c.Outcome == "error"));

        await server.PointWebhookAsync(app, receiver, "ok");
        var replayed = await server.Http.CallAsync(Action(WebhookFailed, letter, "replay"), HttpStatusCode.OK);
        Assert.Equal("replayed", (string)replayed["outcome"]!);
        var delivered = await DeliveryStatusAsync(app, sendId, DeliveryStatus.Sent);
        await server.QueuesDrainedAsync();

        var again = await server.Http.CallAsync(Action(WebhookFailed, letter, "replay"), HttpStatusCode.NotFound);
        Assert.Contains("list the queue again", (string)again["message"]!);
        // Two more copies of the letter, as an at-least-once queue may hold: replaying them sends nothing.
        for (var copy = 0; copy < 2; copy++)
            await server.Storage.Queue(WebhookFailed).SendMessageAsync(letter["message"]!.ToJsonString());
        var all = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, $"operator/dead-letters/{WebhookFailed}/replay"), HttpStatusCode.OK);
        await server.QueuesDrainedAsync();

        Assert.Equal(1, (int)delivered["attempts"]!);
        Assert.Equal("""{"alreadySettled":2}""", all["outcomes"]!.ToJsonString());
        Assert.Equal((2, 0), ((int)all["handled"]!, (int)all["approximateRemaining"]!));
        var ok = Assert.Single(receiver.Calls, c => c.Outcome == "ok");
        Assert.True(ok.SignatureValid);
        Assert.Equal("Invoice ready", (string)JsonNode.Parse(ok.Body)!["notification"]!["title"]!);
        Assert.Equal(0, await server.CountAsync(WebhookFailed));
    }

    [Fact]
    public async Task Should_replay_a_poisoned_answer_event_once_after_the_webhook_is_fixed_and_not_post_it_again()
    {
        var app = await server.CreateAppAsync();
        await server.PointWebhookAsync(app, receiver, "error");
        var requestId = (string)(await server.CreateRequestAsync(app, new
        {
            type = "CHECKBOX", title = "Lunch", content = "c", receivers = new[] { "eater" },
            checkbox = new[] { new { text = "Soup" }, new { text = "Salad" } },
        }))["id"]!;
        await server.WaitUntilCompletedAsync(app, requestId);
        var item = await server.InboxItemAsync(app, "eater", "Lunch");
        await server.AnswerAsync(app, "eater", (long)item["id"]!, new { action = "SUBMIT", options = new[] { "3" } });
        await TestCatalog.EventuallyAsync(async () => await server.CountAsync(AnswerEventsPoison) == 1, "the poisoned answer event");

        var letter = Assert.Single((await server.ListAsync(AnswerEventsPoison))["messages"]!.AsArray())!;
        Assert.Equal((app.Id, requestId, (string?)null), ((string)letter["appId"]!, (string)letter["sendId"]!, (string?)letter["channel"]));
        Assert.Equal(["eater"], letter["recipients"].Strings());
        Assert.Equal((long)item["id"]!, (long)letter["message"]!["notificationId"]!);
        Assert.Null(letter["attempts"]);
        Assert.Equal(3, receiver.Calls.Count(c => c.Outcome == "error"));

        await server.PointWebhookAsync(app, receiver, "ok");
        var replayed = await server.Http.CallAsync(Action(AnswerEventsPoison, letter, "replay"), HttpStatusCode.OK);
        await TestCatalog.EventuallyAsync(() => Task.FromResult(receiver.Calls.Any(c => c.Outcome == "ok")), "the replayed answer event");
        await server.QueuesDrainedAsync();
        for (var copy = 0; copy < 2; copy++)
            await server.Storage.Queue(AnswerEventsPoison).SendMessageAsync(letter["message"]!.ToJsonString());
        var all = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, $"operator/dead-letters/{AnswerEventsPoison}/replay"), HttpStatusCode.OK);
        await server.QueuesDrainedAsync();

        Assert.Equal("replayed", (string)replayed["outcome"]!);
        Assert.Equal("""{"replayed":2}""", all["outcomes"]!.ToJsonString());
        var ok = Assert.Single(receiver.Calls, c => c.Outcome == "ok");
        Assert.Equal(requestId, (string)JsonNode.Parse(ok.Body)!["requestId"]!);
        Assert.Equal(receiver.Calls.First(c => c.Outcome == "error").WebhookId, ok.WebhookId);
        Assert.Equal(0, await server.CountAsync(AnswerEventsPoison));
    }

    private static HttpRequestMessage Action(string queue, JsonNode letter, string action) =>
        TestApi.Operator(HttpMethod.Post, $"operator/dead-letters/{queue}/{(string)letter["id"]!}/{action}", new { ticket = (string)letter["ticket"]! });

    /// <summary>Waits for the send's webhook delivery to reach the status, running the release timer meanwhile for its retries.</summary>
    private async Task<JsonNode> DeliveryStatusAsync(TestApp app, string sendId, string status)
    {
        var job = server.Services.GetRequiredService<ReleaseWaitingJob>();
        JsonNode? found = null;
        await TestCatalog.EventuallyAsync(async () =>
        {
            var rows = await server.WaitForDeliveriesAsync(app, sendId, _ => true, "the delivery records");
            found = rows.FirstOrDefault(d => d!.Status() == status);
            if (found is null) await job.RunAsync(CancellationToken.None);
            return found is not null;
        }, $"a {status} webhook delivery");
        return found!;
    }
}
