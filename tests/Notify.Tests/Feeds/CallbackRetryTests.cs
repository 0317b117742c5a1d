using Notify.Tests.Infrastructure;

namespace Notify.Tests.Feeds;

public sealed class CallbackRetryTests(FeedServer server) : IClassFixture<FeedServer>, IAsyncLifetime
{
    private CallbackReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await CallbackReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task Should_retry_a_failing_receiver_without_holding_up_the_subscription()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync(), callbackUrl: receiver.Url("flaky"));

        var subscriber = await server.ClaimAsync(await server.CodeAsync(feed, "patient"));
        await server.SendAsync(feed, "patient", "Works already", "The callback is still failing.");

        await TestCatalog.EventuallyAsync(() => Task.FromResult(receiver.Calls.Count >= 2), "the retried callback");
        await server.QueuesDrainedAsync();
        var calls = receiver.Calls.ToArray();
        Assert.Equal(2, calls.Length);
        Assert.Equal(calls[0].WebhookId, calls[1].WebhookId);
        Assert.Equal(calls[0].Body, calls[1].Body);
        Assert.All(calls, call => Assert.True(CallbackReceiver.IsSigned(call, feed.SigningSecret)));
        Assert.Single(await server.NotificationsAsync(subscriber));
    }
}
