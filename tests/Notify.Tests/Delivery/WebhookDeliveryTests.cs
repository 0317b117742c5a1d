using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Deliveries;
using Notify.Core.RateLimits;
using Notify.Core.Storage;
using Notify.Tests.Channels.Webhooks;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Delivery;

public sealed class WebhookDeliveryTests(ChannelServer server) : IClassFixture<ChannelServer>, IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task Should_post_signed_notifications_to_the_apps_endpoint()
    {
        var app = await WebhookAppAsync("ok");
        var sendId = await SendAsync(app, "Order shipped");

        await TestCatalog.EventuallyAsync(() => Task.FromResult(!receiver.Calls.IsEmpty), "the webhook call");

        var call = Assert.Single(receiver.Calls);
        Assert.True(call.SignatureValid);
        var body = JsonNode.Parse(call.Body)!;
        Assert.Equal("Order shipped", body["notification"]!["title"]!.GetValue<string>());
        Assert.Equal("hook-user", body["recipient"]!.GetValue<string>());
        var delivery = await DeliveryAsync(app, sendId, d => d["status"]!.GetValue<string>() == DeliveryStatus.Sent);
        Assert.Equal(1, delivery["attempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_hold_a_burst_to_the_budget_and_deliver_every_notification_once()
    {
        const int sends = 12;
        var app = await WebhookAppAsync("ok");
        for (var i = 0; i < sends; i++) await SendAsync(app, $"burst {i}");

        await TestCatalog.EventuallyAsync(() => Task.FromResult(receiver.Calls.Count >= ChannelServer.WebhookBudget), "the first window's deliveries");
        await server.QueuesDrainedAsync();
        Assert.Equal(ChannelServer.WebhookBudget, receiver.Calls.Count);

        Assert.All(receiver.Calls, c => Assert.True(c.SignatureValid));

        var job = server.Services.GetRequiredService<ReleaseWaitingJob>();
        try
        {
            foreach (var expected in new[] { 2 * ChannelServer.WebhookBudget, sends })
            {
                server.Clock.Advance(ChannelServer.Window);
                await job.RunAsync(CancellationToken.None);
                await TestCatalog.EventuallyAsync(() => Task.FromResult(receiver.Calls.Count >= expected), $"{expected} deliveries");
                await server.QueuesDrainedAsync();
                Assert.Equal(expected, receiver.Calls.Count);
            }
        }
        finally
        {
            // Later tests verify signatures, whose timestamps must be near the receiver's real clock.
            server.Clock.Advance(-2 * ChannelServer.Window);
        }
        Assert.Equal(sends, receiver.Calls.Select(c => c.WebhookId).Distinct().Count());
    }

    [Fact]
    public async Task Should_retry_a_failing_endpoint_and_record_the_attempts()
    {
        var app = await WebhookAppAsync("error");
        var sendId = await SendAsync(app, "Retry me");
        await DeliveryAsync(app, sendId, d => d["status"]!.GetValue<string>() == DeliveryStatus.Throttled);
        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}", new { webhookUrl = receiver.Url("ok").ToString() }), HttpStatusCode.OK);
        var job = server.Services.GetRequiredService<ReleaseWaitingJob>();

        var delivery = await DeliveryAsync(app, sendId, d => d["status"]!.GetValue<string>() == DeliveryStatus.Sent,
            () => job.RunAsync(CancellationToken.None));

        var attempts = delivery["attempts"]!.GetValue<int>();
        Assert.InRange(attempts, 2, 3);
        Assert.Equal(attempts, receiver.Calls.Count);
        Assert.Single(receiver.Calls.Select(c => c.WebhookId).Distinct());
    }

    [Fact]
    public async Task Should_fail_after_the_last_attempt_and_leave_a_replayable_failed_delivery_apart_from_the_poison_queue()
    {
        var app = await WebhookAppAsync("error");
        var sendId = await SendAsync(app, "Never");
        var job = server.Services.GetRequiredService<ReleaseWaitingJob>();

        var failed = await DeliveryAsync(app, sendId, d => d["status"]!.GetValue<string>() == DeliveryStatus.Failed, async () =>
        {
            await Task.Delay(150);
            await job.RunAsync(CancellationToken.None);
        });

        Assert.Equal(3, failed["attempts"]!.GetValue<int>());
        Assert.Contains("gave up after 3 attempts", failed["lastError"]!.GetValue<string>());
        var record = (await server.Storage.Queue(QueueNames.Failed(QueueNames.Webhook)).PeekMessagesAsync(32)).Value
            .Select(m => JsonNode.Parse(m.Body.ToString())!).Single(m => m["sendId"]!.GetValue<string>() == sendId);
        Assert.Equal(("hook-user", "webhook", 3), (record["userId"]!.GetValue<string>(), record["channel"]!.GetValue<string>(), record["attempts"]!.GetValue<int>()));
        Assert.DoesNotContain((await server.Storage.Queue(QueueNames.Poison(QueueNames.Webhook)).PeekMessagesAsync(32)).Value,
            m => m.Body.ToString().Contains(sendId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_hold_deliveries_back_while_the_provider_says_too_many()
    {
        var app = await WebhookAppAsync("throttle");
        var first = await SendAsync(app, "Slow down");
        var throttled = await DeliveryAsync(app, first, d => d["status"]!.GetValue<string>() == DeliveryStatus.Throttled && d["attempts"]!.GetValue<int>() == 1);
        Assert.Contains("429", throttled["lastError"]!.GetValue<string>());

        var second = await SendAsync(app, "Still slow");
        await DeliveryAsync(app, second, d => d["status"]!.GetValue<string>() == DeliveryStatus.Throttled);
        await server.Services.GetRequiredService<ReleaseWaitingJob>().RunAsync(CancellationToken.None);

        await server.QueuesDrainedAsync();
        Assert.Single(receiver.Calls);
    }

    [Fact]
    public async Task Should_disable_an_endpoint_that_answers_410()
    {
        var app = await WebhookAppAsync("gone");
        var sendId = await SendAsync(app, "Gone");

        await DeliveryAsync(app, sendId, d => d["status"]!.GetValue<string>() == DeliveryStatus.Failed);
        var stored = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Get, $"operator/apps/{app.Id}"), HttpStatusCode.OK);
        Assert.True(stored["webhookDisabled"]!.GetValue<bool>());

        var next = await SendAsync(app, "After gone");
        var skipped = await DeliveryAsync(app, next, d => d["status"]!.GetValue<string>() == DeliveryStatus.Skipped);
        Assert.Contains("disabled", skipped["lastError"]!.GetValue<string>());
        Assert.Single(receiver.Calls);
    }

    private async Task<TestApp> WebhookAppAsync(string outcome)
    {
        var app = await server.CreateAppAsync();
        var configured = await server.PointWebhookAsync(app, receiver, outcome);
        Assert.StartsWith("whsec_", configured["webhookSecret"]!.GetValue<string>());
        return app;
    }

    private Task<string> SendAsync(TestApp app, string title) => server.SendNotificationAsync(app, new
    {
        notification = new { title },
        sendTo = new { recipients = new[] { "hook-user" } },
        @override = new { channels = new[] { "webhook" } },
    });

    private async Task<JsonNode> DeliveryAsync(TestApp app, string sendId, Func<JsonNode, bool> until, Func<Task>? meanwhile = null)
    {
        JsonNode? found = null;
        await TestCatalog.EventuallyAsync(async () =>
        {
            var answer = await server.Http.CallAsync(app.Backend(HttpMethod.Get, $"v3/requests/{sendId}/deliveries"), HttpStatusCode.OK);
            found = answer["deliveries"]!.AsArray().FirstOrDefault(d => d!["channel"]!.GetValue<string>() == "webhook" && until(d));
            if (found is null && meanwhile is not null) await meanwhile();
            return found is not null;
        }, "the webhook delivery");
        return found!;
    }
}
