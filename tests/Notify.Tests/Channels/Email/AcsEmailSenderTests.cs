using Azure.Core;
using Notify.Core.Channels.Email;
using Notify.Core.Channels.Email.Acs;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Channels.Email;

public sealed class AcsEmailSenderTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private AcsContractEndpoint _acs = null!;

    public async Task InitializeAsync() => _acs = await AcsContractEndpoint.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _acs.DisposeAsync();
    }

    private AcsEmailSender HmacSender() =>
        new(_http, AcsConnection.FromConnectionString(_acs.ConnectionString, TimeProvider.System), TimeProvider.System);

    [Fact]
    public async Task Should_send_signed_request_with_documented_body_when_acs_accepts()
    {
        var message = EmailMessages.To("ana@example.com");

        var result = await HmacSender().SendAsync(message, CancellationToken.None);

        var sent = Assert.IsType<EmailSendResult.Sent>(result);
        var (operationId, body) = Assert.Single(_acs.Received);
        Assert.Equal(operationId, sent.ProviderMessageId);
        Assert.Equal("noreply@notify.test", (string?)body["senderAddress"]);
        Assert.Equal(message.Subject, (string?)body["content"]!["subject"]);
        Assert.Equal(message.Html, (string?)body["content"]!["html"]);
        Assert.Equal(message.PlainText, (string?)body["content"]!["plainText"]);
        Assert.Equal("Ana Souza", (string?)body["recipients"]!["to"]![0]!["displayName"]);
        Assert.Equal("cc@example.com", (string?)body["recipients"]!["cc"]![0]!["address"]);
        Assert.Equal("audit@example.com", (string?)body["recipients"]!["bcc"]![0]!["address"]);
        Assert.Equal("support@notify.test", (string?)body["replyTo"]![0]!["address"]);
        Assert.True((bool?)body["userEngagementTrackingDisabled"]);
    }

    [Fact]
    public async Task Should_reuse_operation_id_when_the_same_delivery_is_sent_twice()
    {
        var sender = HmacSender();

        await sender.SendAsync(EmailMessages.To("ana@example.com", "delivery-1"), CancellationToken.None);
        await sender.SendAsync(EmailMessages.To("ana@example.com", "delivery-1"), CancellationToken.None);
        await sender.SendAsync(EmailMessages.To("ana@example.com", "delivery-2"), CancellationToken.None);

        var ids = _acs.Received.Select(request => request.OperationId).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
    }

    [Fact]
    public async Task Should_retry_later_with_retry_after_when_acs_throttles()
    {
        var result = await HmacSender().SendAsync(EmailMessages.To("throttle@example.com"), CancellationToken.None);

        var retry = Assert.IsType<EmailSendResult.RetryLater>(result);
        Assert.Equal(TimeSpan.FromSeconds(7), retry.RetryAfter);
        Assert.Contains("TooManyRequests", retry.Error);
    }

    [Fact]
    public async Task Should_fail_with_acs_error_code_when_request_is_rejected()
    {
        var result = await HmacSender().SendAsync(EmailMessages.To("invalid@example.com"), CancellationToken.None);

        var failed = Assert.IsType<EmailSendResult.Failed>(result);
        Assert.Contains("InvalidRecipient", failed.Error);
        Assert.Contains("The recipient address is not valid.", failed.Error);
    }

    [Fact]
    public async Task Should_retry_later_when_acs_has_a_server_error()
    {
        var result = await HmacSender().SendAsync(EmailMessages.To("boom@example.com"), CancellationToken.None);

        Assert.IsType<EmailSendResult.RetryLater>(result);
    }

    [Fact]
    public async Task Should_be_rejected_when_signed_with_another_key()
    {
        var connection = AcsConnection.FromConnectionString(
            $"endpoint={_acs.Endpoint};accesskey={Convert.ToBase64String(new byte[32])}", TimeProvider.System);

        var result = await new AcsEmailSender(_http, connection, TimeProvider.System)
            .SendAsync(EmailMessages.To("ana@example.com"), CancellationToken.None);

        Assert.Contains("bad signature", Assert.IsType<EmailSendResult.Failed>(result).Error);
    }

    [Fact]
    public async Task Should_retry_later_when_acs_is_unreachable()
    {
        var connection = AcsConnection.FromConnectionString(
            $"endpoint=http://127.0.0.1:{FreePort.Next()}/;accesskey={Convert.ToBase64String(new byte[32])}", TimeProvider.System);

        var result = await new AcsEmailSender(_http, connection, TimeProvider.System)
            .SendAsync(EmailMessages.To("ana@example.com"), CancellationToken.None);

        Assert.IsType<EmailSendResult.RetryLater>(result);
    }

    [Fact]
    public async Task Should_send_bearer_token_when_connected_with_entra_id()
    {
        var connection = AcsConnection.FromTokenCredential(_acs.Endpoint, new StaticTokenCredential(), TimeProvider.System);

        var result = await new AcsEmailSender(_http, connection, TimeProvider.System)
            .SendAsync(EmailMessages.To("ana@example.com"), CancellationToken.None);

        Assert.IsType<EmailSendResult.Sent>(result);
    }

    private sealed class StaticTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            requestContext.Scopes.SequenceEqual(["https://communication.azure.com//.default"])
                ? new AccessToken(AcsContractEndpoint.BearerToken, DateTimeOffset.UtcNow.AddHours(1))
                : throw new InvalidOperationException("Unexpected scope.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
