using System.Net;
using Notify.Core.Deliveries;
using Notify.Core.Scheduling;
using Notify.Core.Sends;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.V3;

/// <summary>Every send time here comes from the server's clock, which one test moves days ahead.</summary>
public sealed class ScheduledSendTests(ClockedNotifyServer server) : IClassFixture<ClockedNotifyServer>
{
    [Theory]
    [InlineData("2001-01-01T00:00:00Z", "sendAt must be a date in the future")]
    [InlineData("next tuesday", "sendAt must be a valid ISO 8601 date string")]
    [InlineData("2030-01-01", "sendAt must be a valid ISO 8601 date string")]
    public async Task Should_refuse_a_past_or_malformed_send_time(string sendAt, string message)
    {
        var app = await server.CreateAppAsync();

        var error = await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/notifications",
            new { notification = new { title = "Hi" }, sendTo = new { recipients = new[] { "u" } }, sendAt }), HttpStatusCode.BadRequest);

        Assert.Equal([message], error["message"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_hold_a_send_until_its_time()
    {
        var app = await server.CreateAppAsync();
        var sendAt = server.Clock.GetUtcNow().AddSeconds(6);

        var sendId = await server.SendNotificationAsync(app, new { notification = new { title = "Later" }, sendTo = new { recipients = new[] { "soon" } }, sendAt = sendAt.ToString("O") });
        await Task.Delay(1_000);
        Assert.Equal(0, await server.InboxCountAsync(app, "soon"));
        Assert.Equal(SendStatus.Scheduled, (await SendAsync(app, sendId)).Status);

        await server.WaitForInboxAsync(app, "soon", 1, TimeSpan.FromSeconds(15));
        Assert.True(server.Clock.GetUtcNow() >= sendAt);
    }

    [Fact]
    public async Task Should_release_a_far_future_send_on_time_through_the_timer()
    {
        var app = await server.CreateAppAsync();
        var sendAt = server.Clock.GetUtcNow().AddDays(10);
        var sendId = await server.SendNotificationAsync(app, new { notification = new { title = "In ten days" }, sendTo = new { recipients = new[] { "patient" } }, sendAt = sendAt.ToString("O") });
        var job = server.Get<ScheduleReleaseJob>();
        Assert.Equal(0, await job.ReleaseAsync(server.Clock.GetUtcNow(), CancellationToken.None));

        server.Clock.Advance(TimeSpan.FromDays(10) - TimeSpan.FromSeconds(3));
        await job.RunAsync(CancellationToken.None);
        Assert.Equal(0, await job.ReleaseAsync(server.Clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal(0, await server.InboxCountAsync(app, "patient"));

        await server.WaitForInboxAsync(app, "patient", 1, TimeSpan.FromSeconds(15));
        Assert.True(server.Clock.GetUtcNow() >= sendAt);
        Assert.Equal(SendStatus.FannedOut, (await SendAsync(app, sendId)).Status);
    }

    [Fact]
    public async Task Should_never_deliver_a_cancelled_scheduled_send()
    {
        var app = await server.CreateAppAsync();
        var sendId = await server.SendNotificationAsync(app, new
        {
            notification = new { title = "Finish signing up", workflow = new { identifier = "onboarding", cancellationKey = "user-7" } },
            sendTo = new { recipients = new[] { "user-7" } },
            sendAt = server.Clock.GetUtcNow().AddDays(10).ToString("O"),
        });

        var answer = await server.Http.CallAsync(app.Backend(HttpMethod.Patch, "v4/workflows/onboarding", new { cancellationKey = "user-7" }), HttpStatusCode.OK);
        // Released by the timer path after the cancellation, however slow the machine is.
        server.Clock.Advance(TimeSpan.FromDays(10));
        await server.Get<ScheduleReleaseJob>().RunAsync(CancellationToken.None);
        await server.QueuesDrainedAsync();

        Assert.Equal(1, answer["cancelledSends"]!.GetValue<int>());
        Assert.Equal(0, await server.InboxCountAsync(app, "user-7"));
        Assert.Equal(SendStatus.Cancelled, (await SendAsync(app, sendId)).Status);
    }

    [Fact]
    public async Task Should_cancel_only_the_named_recipients()
    {
        var app = await server.CreateAppAsync();
        var sendId = await server.SendNotificationAsync(app, new
        {
            notification = new { title = "Reminder", workflow = new { identifier = "reminders", cancellationKey = "meeting-1" } },
            sendTo = new { recipients = new[] { "went", "stays" } },
            sendAt = server.Clock.GetUtcNow().AddDays(10).ToString("O"),
        });

        await server.Http.CallAsync(app.Backend(HttpMethod.Patch, "v4/workflows/reminders",
            new { cancellationKey = "meeting-1", cancelFor = new { recipients = new[] { "went" } } }), HttpStatusCode.OK);
        // Held by the timer path, so the cancellation lands first however slow the machine is.
        server.Clock.Advance(TimeSpan.FromDays(10));
        await server.Get<ScheduleReleaseJob>().RunAsync(CancellationToken.None);

        await server.WaitForInboxAsync(app, "stays", 1, TimeSpan.FromSeconds(15));
        await server.QueuesDrainedAsync();
        Assert.Equal(0, await server.InboxCountAsync(app, "went"));
        var skipped = Assert.Single((await server.Get<DeliveryStore>().ListAsync(app.Id, sendId, null, null, 1000, null, CancellationToken.None)).Rows, d => d.Status == DeliveryStatus.Skipped);
        Assert.Equal(("went", DeliveryStatus.Skipped, "cancelled"), (skipped.UserId, skipped.Status, skipped.LastError));
    }

    [Fact]
    public async Task Should_answer_404_for_an_unknown_run_and_400_without_a_key()
    {
        var app = await server.CreateAppAsync();

        await server.Http.CallAsync(app.Backend(HttpMethod.Patch, "v4/workflows/none", new { cancellationKey = "k" }), HttpStatusCode.NotFound, """{"status":"error","message":"Workflow run not found"}""");
        var error = await server.Http.CallAsync(app.Backend(HttpMethod.Patch, "v4/workflows/none", new { }), HttpStatusCode.BadRequest);
        await server.Http.CallAsync(app.AsUser("u", HttpMethod.Patch, "v4/workflows/none", new { cancellationKey = "k" }), HttpStatusCode.Unauthorized, """{"status":"error","message":"No auth params (or combination of params) were found in the request"}""");

        Assert.Equal(["cancellationKey should not be empty"], error["message"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    private async Task<SendRow> SendAsync(TestApp app, string sendId) =>
        (await server.Get<SendStore>().GetAsync(app.Id, sendId, CancellationToken.None))!;
}
