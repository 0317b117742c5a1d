using System.Net;
using Microsoft.Extensions.Options;
using Notify.Core.Live;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Live;

public sealed class StreamTests(LiveServer server) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task Should_stream_new_read_and_deleted_items_with_their_counts()
    {
        var app = await server.CreateAppAsync();
        await using var stream = await server.StreamAsync(app, "ann");
        var ready = await stream.NextAsync();
        Assert.Equal(("ready", 0, 0), (ready.Name, ready.Unread(), ready.Total()));
        Assert.NotNull(ready.Id);

        await server.SendToAsync(app, "ann", "Parcel shipped");
        var created = await stream.NextNamedAsync("notification.created");
        Assert.Equal("Parcel shipped", created.Item()["title"]!.GetValue<string>());
        Assert.Equal((1, 1), (created.Unread(), created.Total()));
        var id = created.Item()["id"]!.GetValue<long>();

        await server.Http.CallAsync(app.AsUser("ann", HttpMethod.Post, $"v3/notifications/{id}/click"), HttpStatusCode.OK);
        var updated = await stream.NextNamedAsync("notification.updated");
        Assert.Equal(id, updated.Item()["id"]!.GetValue<long>());
        Assert.NotNull(updated.Item()["clickedAt"]);
        Assert.Equal((0, 1), (updated.Unread(), updated.Total()));

        await server.Http.CallAsync(app.AsUser("ann", HttpMethod.Delete, $"v3/notifications/{id}"), HttpStatusCode.OK);
        var deleted = await stream.NextNamedAsync("notification.deleted");
        Assert.Equal(id, deleted.Data!["id"]!.GetValue<long>());
        Assert.Equal((0, 0), (deleted.Unread(), deleted.Total()));
    }

    [Fact]
    public async Task Should_resume_after_the_last_event_id_with_what_was_missed()
    {
        var app = await server.CreateAppAsync();
        string lastId;
        await using (var first = await server.StreamAsync(app, "bea"))
        {
            await server.SendToAsync(app, "bea", "First");
            lastId = (await first.NextNamedAsync("notification.created")).Id!;
        }
        await server.SendToAsync(app, "bea", "Second");
        await server.WaitForInboxAsync(app, "bea", 2);

        await using var resumed = await server.StreamAsync(app, "bea", lastId);
        var missed = await resumed.NextAsync();
        Assert.Equal("notification.created", missed.Name);
        Assert.Equal("Second", missed.Item()["title"]!.GetValue<string>());
        Assert.Equal(2, missed.Total());
    }

    [Fact]
    public async Task Should_ask_for_a_resync_when_the_last_event_id_is_not_this_watch()
    {
        var app = await server.CreateAppAsync();
        await using var stream = await server.StreamAsync(app, "cy", "0123456789ab-7");
        var first = await stream.NextAsync();
        Assert.Equal(("resync", 0), (first.Name, first.Total()));
    }

    [Fact]
    public async Task Should_open_a_stream_once_per_ticket()
    {
        var app = await server.CreateAppAsync();
        var ticket = await server.TicketAsync(app, "dee");
        await using (var stream = await EventStreamReader.OpenAsync(server.Http, TestApi.Request(HttpMethod.Get, LiveApi.StreamPath(app, "dee", ticket))))
        {
            Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
            Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("ready", (await stream.NextAsync()).Name);
        }
        var again = await server.Http.CallAsync(TestApi.Request(HttpMethod.Get, LiveApi.StreamPath(app, "dee", ticket)), HttpStatusCode.Unauthorized);
        Assert.Equal("Invalid, expired or used stream ticket", again["message"]!.GetValue<string>());
        var otherUser = await server.TicketAsync(app, "dee");
        await server.Http.CallAsync(TestApi.Request(HttpMethod.Get, LiveApi.StreamPath(app, "eve", otherUser)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_refuse_an_expired_ticket()
    {
        var app = await server.CreateAppAsync();
        var ticket = await server.TicketAsync(app, "fay");
        server.Clock.Advance(TimeSpan.FromSeconds(61));
        await server.Http.CallAsync(TestApi.Request(HttpMethod.Get, LiveApi.StreamPath(app, "fay", ticket)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_refuse_a_stream_without_user_credentials()
    {
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(TestApi.Request(HttpMethod.Get, "v3/notifications/stream"), HttpStatusCode.Unauthorized);
        await server.Http.CallAsync(TestApi.Request(HttpMethod.Post, "v3/notifications/stream-tickets"), HttpStatusCode.Unauthorized);
        var wrongKey = app with { ApiKey = "unknown" };
        await server.Http.CallAsync(TestApi.Request(HttpMethod.Get, LiveApi.StreamPath(wrongKey, "gus", "x")), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_cap_the_unused_tickets_of_a_user()
    {
        var app = await server.CreateAppAsync();
        for (var i = 0; i < 10; i++) await server.TicketAsync(app, "hal");
        var refused = await server.Http.CallAsync(app.AsUser("hal", HttpMethod.Post, "v3/notifications/stream-tickets"), HttpStatusCode.TooManyRequests);
        Assert.Equal("error", refused["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_hold_a_user_to_the_stream_limit_however_many_open_at_once()
    {
        var app = await server.CreateAppAsync();
        var live = server.Get<LiveInboxes>();
        var limit = server.Get<IOptions<LiveOptions>>().Value.StreamsPerUser;

        var opened = await Task.WhenAll(Enumerable.Range(0, limit + 5).Select(_ => Task.Run(() => live.OpenAsync(app.Id, "crowd", null, CancellationToken.None))));
        var streams = opened.Where(o => o.Stream is not null).Select(o => o.Stream!).ToList();

        Assert.Equal(limit, streams.Count);
        Assert.All(opened.Where(o => o.Stream is null), o => Assert.Equal(StreamRefusal.TooManyForUser, o.Refusal));
        foreach (var stream in streams) stream.Dispose();
        var again = await live.OpenAsync(app.Id, "crowd", null, CancellationToken.None);
        Assert.NotNull(again.Stream);
        again.Stream.Dispose();
    }
}
