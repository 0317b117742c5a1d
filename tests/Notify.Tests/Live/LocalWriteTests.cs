using System.Net;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Live;

/// <summary>A process that checks the version only every 60 s, so whatever arrives sooner came from its own writes.</summary>
public sealed class SlowCheckServer : LiveServer
{
    protected override IEnumerable<string> Settings => [.. base.Settings, "--Notify:Live:CheckSeconds=60"];
}

public sealed class LocalWriteTests(SlowCheckServer server) : IClassFixture<SlowCheckServer>
{
    private static readonly TimeSpan WellBeforeACheck = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_pass_on_this_processs_writes_at_once()
    {
        var app = await server.CreateAppAsync();
        await using var stream = await server.StreamAsync(app, "sam");
        Assert.Equal("ready", (await stream.NextAsync()).Name);

        await server.SendToAsync(app, "sam", "Written here");
        var created = await stream.NextNamedAsync("notification.created", WellBeforeACheck);
        var id = created.Item()["id"]!.GetValue<long>();
        await server.Http.CallAsync(app.AsUser("sam", HttpMethod.Post, "v3/notifications/markAllNotificationsAsSeen"), HttpStatusCode.OK);
        var seen = await stream.NextNamedAsync("notification.updated", WellBeforeACheck);
        Assert.NotNull(seen.Item()["seenAt"]);
        Assert.Equal(0, seen.Unread());
        await server.Http.CallAsync(app.AsUser("sam", HttpMethod.Delete, $"v3/notifications/{id}"), HttpStatusCode.OK);
        Assert.Equal(id, (await stream.NextNamedAsync("notification.deleted", WellBeforeACheck)).Data!["id"]!.GetValue<long>());
    }
}
