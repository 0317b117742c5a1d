using Azure.Data.Tables;
using Notify.Core.Storage;
using Notify.Core.Users;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Pipeline;

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

        var deadline = DateTime.UtcNow.AddMinutes(3);
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

    private async Task<int> CountUsersWithOneItemAsync(TestApp app)
    {
        var count = 0;
        await foreach (var user in server.Storage.Table(TableNames.Users).QueryAsync<UserRow>(
            TableClient.CreateQueryFilter($"PartitionKey ge {app.Id + "|"} and PartitionKey lt {app.Id + "}"} and RowKey eq {UserRow.Key}"),
            select: [nameof(UserRow.TotalCount), nameof(UserRow.UnseenCount)]))
            if (user.TotalCount == 1 && user.UnseenCount == 1) count++;
        return count;
    }
}
