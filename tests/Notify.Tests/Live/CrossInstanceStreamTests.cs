using Notify.Tests.Infrastructure;

namespace Notify.Tests.Live;

/// <summary>A stream served by an instance that runs no pipeline, so every write comes from another instance.</summary>
public sealed class QuietLiveServer : LiveServer
{
    protected override bool RunPipeline => false;
}

public sealed class CrossInstanceStreamTests(QuietLiveServer server) : IClassFixture<QuietLiveServer>
{
    [Fact]
    public async Task Should_stream_an_item_another_instance_delivered_through_the_version_check()
    {
        var other = new NotifyServer { Prefix = server.Prefix };
        await other.InitializeAsync();
        try
        {
            var app = await server.CreateAppAsync();
            await using var stream = await server.StreamAsync(app, "ivy");
            Assert.Equal("ready", (await stream.NextAsync()).Name);

            await server.SendToAsync(app, "ivy", "Delivered elsewhere");
            var created = await stream.NextNamedAsync("notification.created");
            Assert.Equal("Delivered elsewhere", created.Item()["title"]!.GetValue<string>());
            Assert.Equal((1, 1), (created.Unread(), created.Total()));

            var id = created.Item()["id"]!.GetValue<long>();
            await other.Http.CallAsync(app.AsUser("ivy", HttpMethod.Post, "v3/notifications/markAllNotificationsAsSeen"), System.Net.HttpStatusCode.OK);
            var seen = await stream.NextNamedAsync("notification.updated");
            Assert.Equal((0, 1), (seen.Unread(), seen.Total()));
            Assert.NotNull(seen.Item()["seenAt"]);
            // A read of a seen item counts nothing, yet leaves a change row, so it moves the version too.
            await other.Http.CallAsync(app.AsUser("ivy", HttpMethod.Post, $"v3/notifications/{id}/click"), System.Net.HttpStatusCode.OK);
            Assert.NotNull((await stream.NextNamedAsync("notification.updated")).Item()["clickedAt"]);
            await other.Http.CallAsync(app.AsUser("ivy", HttpMethod.Delete, $"v3/notifications/{id}"), System.Net.HttpStatusCode.OK);
            Assert.Equal(id, (await stream.NextNamedAsync("notification.deleted")).Data!["id"]!.GetValue<long>());
        }
        finally
        {
            await other.DisposeAsync();
        }
    }
}
