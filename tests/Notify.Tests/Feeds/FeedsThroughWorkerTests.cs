using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using Notify.Core.Feeds.Callbacks;
using Notify.Core.Storage;
using Notify.Tests.Hosting.Worker;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Feeds;

/// <summary>
/// The feeds face inside the built Functions worker, reached through its forwarding functions and the dispatcher:
/// throttling applies there too, the list streams, and the callback queue function binds its message.
/// </summary>
public sealed class FeedsThroughWorkerTests(WorkerFixture worker) : IClassFixture<WorkerFixture>
{
    [Fact]
    public async Task Should_serve_the_channels_api_with_its_rate_limits_and_run_the_callback_queue()
    {
        var app = await CallAsync(Operator(HttpMethod.Post, "operator/apps", new { name = "worker feeds" }), HttpStatusCode.Created);
        var feed = await CallAsync(Operator(HttpMethod.Post, $"operator/apps/{app["id"]}/feeds",
            new { name = "Worker feed", callbackUrl = "http://127.0.0.1:9/callback" }), HttpStatusCode.Created);
        var key = feed["apiKey"]!.GetValue<string>();
        var id = feed["id"]!.GetValue<string>();

        using var codeResponse = await worker.Host.SendAsync(FeedApi.WithKey(HttpMethod.Get, $"channels/{id}/subscriptions/w-user/code", key));
        Assert.Equal(HttpStatusCode.OK, codeResponse.StatusCode);
        Assert.Equal("200", ThrottleTests.Header(codeResponse, "X-RateLimit-Limit"));
        Assert.Equal("199", ThrottleTests.Header(codeResponse, "X-RateLimit-Remaining"));
        var code = JsonNode.Parse(await codeResponse.Content.ReadAsStringAsync())!["code"]!.GetValue<string>();
        await CallAsync(TestApi.Request(HttpMethod.Post, $"feeds/api/codes/{code}/claim"), HttpStatusCode.OK);
        var sent = await CallAsync(FeedApi.WithKey(HttpMethod.Post, $"channels/{id}/notifications/w-user", key, new { title = "Via worker", text = "Through the dispatcher." }), HttpStatusCode.OK);
        var list = await CallAsync(FeedApi.WithKey(HttpMethod.Get, $"channels/{id}/subscriptions", key), HttpStatusCode.OK);

        Assert.Equal(sent["subscription"]!.GetValue<string>(), Assert.Single(list.AsArray())!["id"]!.GetValue<string>());
        // The worker keeps callbacks off loopback: the message is given up, as it is, on the poison queue. Invoked
        // directly rather than drained, so this class never takes another worker test's queue messages.
        var callback = new FeedCallbackMessage($"evt{Guid.NewGuid():N}", id, FeedCallbackTypes.Subscription, "w-user", DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 1);
        var function = worker.Host.Function(nameof(QueueNames.FeedCallbacks));
        StandInHost.EnsureSucceeded(function, await worker.Host.InvokeQueueAsync(function, QueueMessage(callback)));
        var poisoned = (await worker.Storage.Queue(QueueNames.Poison(QueueNames.FeedCallbacks)).ReceiveMessagesAsync(32)).Value
            .Select(m => JsonSerializer.Deserialize<FeedCallbackMessage>(m.Body.ToString(), JsonSerializerOptions.Web)!)
            .Single(m => m.EventId == callback.EventId);
        Assert.Equal(callback, poisoned);
        Assert.Contains("private", await new FeedCallbackLog(worker.Storage).ErrorOfAsync(callback.EventId, CancellationToken.None));

        for (var i = 0; i < 200; i++)
            (await worker.Host.SendAsync(FeedApi.WithKey(HttpMethod.Get, "channels/not-an-id/subscriptions", key))).Dispose();
        using var refused = await worker.Host.SendAsync(FeedApi.WithKey(HttpMethod.Get, "channels/not-an-id/subscriptions", key));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("""{"statusCode":429,"message":"ThrottlerException: Too Many Requests"}""", await refused.Content.ReadAsStringAsync());
    }

    private static QueueMessage QueueMessage(FeedCallbackMessage message) => QueuesModelFactory.QueueMessage(
        "m1", "p1", Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message, JsonSerializerOptions.Web))), 1,
        nextVisibleOn: DateTimeOffset.UtcNow, insertedOn: DateTimeOffset.UtcNow, expiresOn: DateTimeOffset.UtcNow.AddDays(7));

    private static HttpRequestMessage Operator(HttpMethod method, string path, object body) =>
        TestApi.Operator(method, path, body, WorkerFixture.OperatorKey);

    private async Task<JsonNode> CallAsync(HttpRequestMessage request, HttpStatusCode expected)
    {
        using var response = await worker.Host.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
