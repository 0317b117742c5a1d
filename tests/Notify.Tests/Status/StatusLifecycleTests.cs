using System.Net;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Status;

/// <summary>Scheduled, cancelled and deleted requests.</summary>
public sealed class StatusLifecycleTests(StatusServer server) : IClassFixture<StatusServer>
{
    [Fact]
    public async Task Should_hold_a_scheduled_request_as_pending_at_its_send_time()
    {
        var app = await server.CreateAppAsync();
        var sendAt = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds();

        var created = await server.CreateRequestAsync(app, new { type = "SIMPLE", title = "Next month", content = "c", receivers = new[] { "later" }, send_at = sendAt });

        Assert.Equal("PENDING", (string)created["status"]!);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(sendAt).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'"), (string)created["send_at"]!);
        Assert.Equal("PENDING", (string)(await server.ReadRequestAsync(app, (string)created["id"]!))["status"]!);
    }

    [Fact]
    public async Task Should_deliver_a_request_at_its_send_time_and_accept_now()
    {
        var app = await server.CreateAppAsync();
        var soon = await server.CreateRequestAsync(app, new { type = "SIMPLE", title = "Soon", content = "c", receivers = new[] { "waiter" },
            send_at = DateTimeOffset.UtcNow.AddSeconds(3).ToUnixTimeSeconds() });
        var now = await server.CreateRequestAsync(app, new { type = "SIMPLE", title = "Now", content = "c", receivers = new[] { "waiter" }, send_at = "now" });

        Assert.Equal("PENDING", (string)soon["status"]!);
        Assert.NotEqual("PENDING", (string)now["status"]!);
        await server.WaitUntilCompletedAsync(app, (string)soon["id"]!);
        Assert.Equal(2, await server.InboxCountAsync(app, "waiter"));
    }

    [Fact]
    public async Task Should_cancel_what_was_not_delivered_and_refuse_to_cancel_a_completed_request()
    {
        var app = await server.CreateAppAsync();
        var sendAt = DateTimeOffset.UtcNow.AddSeconds(5);
        var held = await server.CreateRequestAsync(app, new { type = "SIMPLE", title = "Held", content = "c", receivers = new[] { "spared" },
            send_at = sendAt.ToUnixTimeSeconds() });

        var cancelled = await server.Http.CallAsync(app.Status(HttpMethod.Post, $"v1/notifications/{held["id"]}/cancel"), HttpStatusCode.OK);
        var again = await server.Http.CallAsync(app.Status(HttpMethod.Post, $"v1/notifications/{held["id"]}/cancel"), HttpStatusCode.OK);
        var done = (string)(await server.CreateRequestAsync(app, new { type = "SIMPLE", title = "Done", content = "c", receivers = new[] { "spared" } }))["id"]!;
        await server.WaitUntilCompletedAsync(app, done);
        var refused = await server.Http.CallAsync(app.Status(HttpMethod.Post, $"v1/notifications/{done}/cancel"), HttpStatusCode.Conflict);
        await Task.Delay(sendAt.AddSeconds(2) - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
        await server.QueuesDrainedAsync();

        Assert.Equal("api.application.notification.cancel", (string)cancelled["type"]!);
        Assert.Equal("CANCELED", (string)cancelled["result"]!["status"]!);
        Assert.Equal("CANCELED", (string)again["result"]!["status"]!);
        Assert.Equal("NOTIFICATION.COMPLETED", (string)refused["error"]!["code"]!);
        Assert.Equal(1, await server.InboxCountAsync(app, "spared"));
        var read = await server.ReadRequestAsync(app, (string)held["id"]!);
        Assert.Equal("CANCELED", (string)read["status"]!);
        Assert.Empty(read.Items());
    }

    [Fact]
    public async Task Should_delete_a_request_and_its_items_from_every_inbox()
    {
        var app = await server.CreateAppAsync();
        var users = Enumerable.Range(0, 12).Select(i => $"gone{i}").ToArray();
        var id = (string)(await server.CreateRequestAsync(app, new { type = "SURVEY", title = "Deleted", content = "c", receivers = users }))["id"]!;
        var kept = (string)(await server.CreateRequestAsync(app, new { type = "SIMPLE", title = "Kept", content = "c", receivers = users }))["id"]!;
        await server.WaitUntilCompletedAsync(app, id);
        await server.WaitUntilCompletedAsync(app, kept);
        var answered = await server.InboxItemAsync(app, users[0], "Deleted");
        await server.AnswerAsync(app, users[0], (long)answered["id"]!, new { action = "SUBMIT" });

        var deleted = await server.Http.CallAsync(app.Status(HttpMethod.Delete, $"v1/notifications/{id}"), HttpStatusCode.OK);
        await server.Http.CallAsync(app.Status(HttpMethod.Get, $"v1/notifications/{id}"), HttpStatusCode.NotFound, """{"error":{"code":"NOTIFICATION.NOT_FOUND","ns":"NOTIFICATION","message":"Notification not found","status":404}}""");
        await server.Http.CallAsync(app.Status(HttpMethod.Delete, $"v1/notifications/{id}"), HttpStatusCode.NotFound, """{"error":{"code":"NOTIFICATION.NOT_FOUND","ns":"NOTIFICATION","message":"Notification not found","status":404}}""");
        await server.QueuesDrainedAsync();

        Assert.Equal($$$"""{"type":"api.application.notification.delete","result":{"id":"{{{id}}}","deleted":true}}""", deleted.ToJsonString());
        foreach (var user in users)
        {
            var inbox = await server.Http.CallAsync(app.AsUser(user, HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK);
            Assert.Equal(["Kept"], inbox["data"]!.AsArray().Select(i => (string)i!["title"]!));
            Assert.Equal(1, (int)inbox["unreadCount"]!);
        }
        var list = await server.Http.CallAsync(app.Status(HttpMethod.Get, "v1/notifications"), HttpStatusCode.OK);
        Assert.Equal([kept], list["result"]!.AsArray().Select(r => (string)r!["id"]!));
        Assert.Equal(0, await CountRowsAsync(app.Id, id));
    }

    private async Task<int> CountRowsAsync(string appId, string requestId)
    {
        var count = 0;
        await foreach (var _ in server.Storage.Table(Notify.Core.Storage.TableNames.Sends).QueryAsync<Azure.Data.Tables.TableEntity>(
            Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {Notify.Core.Storage.TableKeys.Send(appId, requestId)}")))
            count++;
        return count;
    }
}
