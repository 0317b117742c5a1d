using System.Net;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.V3;

public sealed class ConcurrencyTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_keep_counters_exact_when_deliveries_and_changes_race()
    {
        const int sends = 30;
        var app = await server.CreateAppAsync();
        await Task.WhenAll(Enumerable.Range(0, sends).Select(i =>
            server.SendNotificationAsync(app, new { notification = new { title = $"race {i}" }, recipients = new[] { "rita" } })));
        var inbox = await server.WaitForInboxAsync(app, "rita", sends);
        var ids = inbox["data"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ToList();

        await Task.WhenAll(ids.Take(10).Select(id => server.Http.CallAsync(app.AsUser("rita", HttpMethod.Post, $"v3/notifications/{id}/click"), HttpStatusCode.OK))
            .Concat(ids.Skip(10).Take(5).Select(id => server.Http.CallAsync(app.AsUser("rita", HttpMethod.Delete, $"v3/notifications/{id}"), HttpStatusCode.OK))));

        var after = await server.Http.CallAsync(app.AsUser("rita", HttpMethod.Get, "v3/notifications?limit=100"), HttpStatusCode.OK);
        Assert.Equal(sends - 5, after["pagination"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(sends - 5, after["data"]!.AsArray().Count);
        Assert.Equal(sends - 15, after["unreadCount"]!.GetValue<int>());
        Assert.Equal(sends - 15, after["data"]!.AsArray().Count(i => i!["seenAt"] is null));
    }
}
