using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Channels.Webhooks;

namespace Notify.Tests.Channels.Webhooks;

public sealed class WebhookRegistrationTests
{
    [Fact]
    public async Task Should_not_follow_redirects_when_sender_comes_from_registration()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var services = new ServiceCollection().AddWebhookChannel().BuildServiceProvider();
        var sender = services.GetRequiredService<WebhookSender>();

        var result = await sender.SendAsync(
            new WebhookRequest("delivery-1", receiver.Url("redirect"), receiver.Secret, "{}"), CancellationToken.None);

        Assert.Equal(302, Assert.IsType<WebhookResult.RetryLater>(result).StatusCode);
        Assert.Single(receiver.Calls);
    }
}
