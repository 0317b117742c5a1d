using Notify.Core.Channels.Webhooks;

namespace Notify.Tests.Channels.Webhooks;

public sealed class WebhookSenderTests : IAsyncLifetime
{
    private const string Payload = """{"type":"notification.sent","data":{"title":"Olá"}}""";
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _receiver.DisposeAsync();
    }

    private Task<WebhookResult> SendAsync(string outcome, string deliveryId = "delivery-1") =>
        new WebhookSender(_http, TimeProvider.System)
            .SendAsync(new WebhookRequest(deliveryId, _receiver.Url(outcome), _receiver.Secret, Payload), CancellationToken.None);

    [Fact]
    public async Task Should_deliver_a_verifiable_signed_json_body_when_receiver_answers_200()
    {
        var result = await SendAsync("ok");

        Assert.Equal(new WebhookResult.Delivered(200), result);
        var call = Assert.Single(_receiver.Calls);
        Assert.True(call.SignatureValid);
        Assert.Equal(Payload, call.Body);
        Assert.StartsWith("application/json", call.ContentType);
    }

    [Fact]
    public async Task Should_keep_the_webhook_id_when_a_delivery_is_retried()
    {
        await SendAsync("error", "delivery-9");
        await SendAsync("ok", "delivery-9");
        await SendAsync("ok", "delivery-10");

        var ids = _receiver.Calls.Select(call => call.WebhookId).ToList();
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
        Assert.StartsWith("msg_", ids[0]);
        Assert.All(_receiver.Calls, call => Assert.True(call.SignatureValid));
    }

    [Fact]
    public async Task Should_ask_to_disable_the_endpoint_when_receiver_answers_410() =>
        Assert.IsType<WebhookResult.Disabled>(await SendAsync("gone"));

    [Fact]
    public async Task Should_retry_after_the_receivers_delay_when_throttled()
    {
        var retry = Assert.IsType<WebhookResult.RetryLater>(await SendAsync("throttle"));

        Assert.Equal(TimeSpan.FromSeconds(30), retry.RetryAfter);
        Assert.Equal(429, retry.StatusCode);
    }

    [Theory]
    [InlineData("error", 500)]
    [InlineData("bad", 400)]
    public async Task Should_retry_with_backoff_when_receiver_answers_other_errors(string outcome, int status)
    {
        var retry = Assert.IsType<WebhookResult.RetryLater>(await SendAsync(outcome));

        Assert.Null(retry.RetryAfter);
        Assert.Equal(status, retry.StatusCode);
    }

    [Fact]
    public async Task Should_retry_later_when_receiver_is_unreachable()
    {
        var url = new Uri($"http://127.0.0.1:{Infrastructure.FreePort.Next()}/hook");

        var result = await new WebhookSender(_http, TimeProvider.System)
            .SendAsync(new WebhookRequest("delivery-1", url, _receiver.Secret, Payload), CancellationToken.None);

        Assert.Null(Assert.IsType<WebhookResult.RetryLater>(result).StatusCode);
    }

    [Fact]
    public async Task Should_fail_without_calling_when_secret_is_not_base64()
    {
        var result = await new WebhookSender(_http, TimeProvider.System)
            .SendAsync(new WebhookRequest("delivery-1", _receiver.Url("ok"), "whsec_***", Payload), CancellationToken.None);

        Assert.IsType<WebhookResult.Failed>(result);
        Assert.Empty(_receiver.Calls);
    }
}
