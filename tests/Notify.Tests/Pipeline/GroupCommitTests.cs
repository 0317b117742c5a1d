using Notify.Core.Storage;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Pipeline;

/// <summary>Concurrent small sends are committed together, and each is still its own send with its own id.</summary>
public sealed class GroupCommitTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_commit_concurrent_sends_together_and_deliver_each_once()
    {
        var app = await server.CreateAppAsync();
        const int sends = 40;

        var ids = await Task.WhenAll(Enumerable.Range(0, sends).Select(i =>
            server.SendNotificationAsync(app, new { notification = new { title = $"g{i}" }, recipients = new[] { $"group-{i % 4}" } })));

        Assert.Equal(sends, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _), $"{id} is a GUID"));
        var partitions = ids.Select(id => TableKeys.Send(app.Id, id)).Distinct().Count();
        Assert.True(partitions < sends, $"{sends} concurrent sends took {partitions} commits");
        for (var user = 0; user < 4; user++)
        {
            var inbox = await server.WaitForInboxAsync(app, $"group-{user}", sends / 4);
            Assert.Equal(sends / 4, inbox["data"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).Distinct().Count());
        }
    }
}
