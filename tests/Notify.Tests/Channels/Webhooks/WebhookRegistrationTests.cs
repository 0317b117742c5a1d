using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Channels.Webhooks;

namespace Notify.Tests.Channels.Webhooks;

public sealed class WebhookRegistrationTests
{
    private static ServiceProvider Build(bool allowPrivateNetworks) => new ServiceCollection()
        .AddWebhookChannel(new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create("Notify:Webhooks:AllowPrivateNetworks", (string?)$"{allowPrivateNetworks}")])
            .Build())
        .BuildServiceProvider();

    [Fact]
    public async Task Should_not_follow_redirects_when_sender_comes_from_registration()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var services = Build(allowPrivateNetworks: true);

        var result = await services.GetRequiredService<WebhookSender>().SendAsync(
            new WebhookRequest("delivery-1", receiver.Url("redirect"), receiver.Secret, "{}"), CancellationToken.None);

        Assert.Equal(302, Assert.IsType<WebhookResult.RetryLater>(result).StatusCode);
        Assert.Single(receiver.Calls);
    }

    [Fact]
    public async Task Should_fail_without_connecting_when_url_points_at_a_private_network()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var services = Build(allowPrivateNetworks: false);

        var result = await services.GetRequiredService<WebhookSender>().SendAsync(
            new WebhookRequest("delivery-1", receiver.Url("ok"), receiver.Secret, "{}"), CancellationToken.None);

        Assert.Contains("private", Assert.IsType<WebhookResult.Failed>(result).Error);
        Assert.Empty(receiver.Calls);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.100.1.1", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("2606:4700::1111", true)]
    public void Should_classify_destination_addresses(string address, bool isPublic) =>
        Assert.Equal(isPublic, WebhookDestinationGuard.IsPublic(IPAddress.Parse(address)));
}
