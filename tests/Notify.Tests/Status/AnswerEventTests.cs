using System.Net;
using System.Text.Json.Nodes;
using Notify.Tests.Channels.Webhooks;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Status;

/// <summary>Answers reach the app's webhook as signed events, and v3 sends can ask for answers too.</summary>
public sealed class AnswerEventTests(StatusServer server) : IClassFixture<StatusServer>, IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task Should_post_each_answer_to_the_apps_webhook_signed_once()
    {
        var app = await server.CreateAppAsync();
        await server.PointWebhookAsync(app, receiver, "ok");
        var id = (string)(await server.CreateRequestAsync(app, new
        {
            type = "CHECKBOX", title = "Days", content = "c", receivers = new[] { "voter" },
            checkbox = new[] { new { text = "Mon" }, new { text = "Tue" } },
        }))["id"]!;
        await server.WaitUntilCompletedAsync(app, id);
        var item = await server.InboxItemAsync(app, "voter", "Days");

        await server.AnswerAsync(app, "voter", (long)item["id"]!, new { action = "SUBMIT", options = new[] { "4" } });
        await server.AnswerAsync(app, "voter", (long)item["id"]!, new { action = "CLOSE" }, HttpStatusCode.Conflict);
        await TestCatalog.EventuallyAsync(() => Task.FromResult(!receiver.Calls.IsEmpty), "the answer event");
        await server.QueuesDrainedAsync();

        var call = Assert.Single(receiver.Calls);
        Assert.True(call.SignatureValid);
        var body = JsonNode.Parse(call.Body)!;
        Assert.Equal("notification.responded", (string)body["type"]!);
        Assert.Equal(id, (string)body["requestId"]!);
        Assert.Equal((long)item["id"]!, (long)body["notificationId"]!);
        Assert.Equal("voter", (string)body["recipient"]!);
        Assert.Equal("""[{"id":"4","type":"CHECKBOX","text":"Tue"}]""", body["actions"]!.ToJsonString());
    }

    [Fact]
    public async Task Should_let_a_v3_send_ask_for_an_answer()
    {
        var app = await server.CreateAppAsync();
        await server.SendNotificationAsync(app, new
        {
            notification = new
            {
                title = "Rate us",
                actions = new { type = "radio", level = 1, submitText = "Send", options = new[] { new { text = "Good", selected = true }, new { text = "Bad", selected = false } } },
            },
            sendTo = new { recipients = new[] { "rater" } },
        });
        var item = (await server.WaitForInboxAsync(app, "rater", 1))["data"]![0]!;

        var answered = await server.AnswerAsync(app, "rater", (long)item["id"]!, new { action = "SUBMIT", options = new[] { "3" } });
        var bad = await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/notifications",
            new { notification = new { title = "x", actions = new { type = "RADIO", options = new[] { new { text = "only" } } } }, sendTo = new { recipients = new[] { "r" } } }),
            HttpStatusCode.BadRequest);

        Assert.Equal("radio", (string)item["type"]!);
        Assert.Equal("""[{"id":"1","type":"SUBMIT","text":"Send","selected":false},{"id":"2","type":"CLOSE","text":"Close","selected":false},{"id":"3","type":"RADIO","text":"Good","selected":true},{"id":"4","type":"RADIO","text":"Bad","selected":false}]""",
            item["actions"]!.ToJsonString());
        Assert.Equal("""[{"id":"3","type":"RADIO","text":"Good","selected":true}]""", answered["response"]!.ToJsonString());
        Assert.Equal(["notification.actions.options must contain at least 2 elements"], bad["message"].Strings());
    }
}
