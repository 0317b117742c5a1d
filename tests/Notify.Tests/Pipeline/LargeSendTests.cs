using Notify.Tests.Infrastructure;

namespace Notify.Tests.Pipeline;

[Collection(BulkCollection.Name)]
public sealed class LargeSendTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_deliver_one_send_to_ten_thousand_recipients()
    {
        const int recipients = 10_000;
        var app = await server.CreateAppAsync();
        await server.SendNotificationAsync(app, new
        {
            notification = new { title = "Everyone" },
            sendTo = new { recipients = Enumerable.Range(0, recipients).Select(i => $"user-{i}") },
        });

        var deadline = DateTime.UtcNow.AddMinutes(6);
        int delivered;
        do
        {
            await Task.Delay(1000);
            delivered = await CountUsersWithOneItemAsync(app);
        } while (delivered < recipients && DateTime.UtcNow < deadline);

        Assert.Equal(recipients, delivered);
        var sample = await server.WaitForInboxAsync(app, "user-9999", 1);
        Assert.Equal("Everyone", sample["data"]![0]!["title"]!.GetValue<string>());
    }

    private async Task<int> CountUsersWithOneItemAsync(TestApp app) =>
        (await InboxCountsProbe.PerUserAsync(server.Storage, app.Id)).Values.Count(c => c is { Total: 1, Unseen: 1 });
}
