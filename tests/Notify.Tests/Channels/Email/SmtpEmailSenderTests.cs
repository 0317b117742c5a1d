using MimeKit;
using Notify.Core.Channels.Email;
using Notify.Core.Channels.Email.Smtp;
using Notify.Core.Channels;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Channels.Email;

[Collection(MailDevCollection.Name)]
public sealed class SmtpEmailSenderTests(MailDevFixture mailDev)
{
    private SmtpEmailSender Sender(int? port = null) => new(new EmailOptions
    {
        SenderAddress = "noreply@notify.test",
        SmtpHost = "127.0.0.1",
        SmtpPort = port ?? mailDev.SmtpPort,
    });

    [Fact]
    public async Task Should_deliver_headers_and_bodies_when_smtp_server_accepts()
    {
        var message = EmailMessages.To("ana@example.com");

        var result = await Sender().SendAsync(message, CancellationToken.None);

        var sent = Assert.IsType<EmailSendResult.Sent>(result);
        var mail = await mailDev.WaitForEmailAsync(message.Subject);
        Assert.Equal("noreply@notify.test", (string?)mail["from"]![0]!["address"]);
        Assert.Equal("Notify Test", (string?)mail["from"]![0]!["name"]);
        Assert.Equal("ana@example.com", (string?)mail["to"]![0]!["address"]);
        Assert.Equal("Ana Souza", (string?)mail["to"]![0]!["name"]);
        Assert.Equal("cc@example.com", (string?)mail["cc"]![0]!["address"]);
        Assert.Equal("audit@example.com", (string?)mail["calculatedBcc"]![0]!["address"]);
        Assert.Equal(message.Html, ((string?)mail["html"])?.TrimEnd());
        Assert.Equal(message.PlainText, ((string?)mail["text"])?.TrimEnd());

        using var source = await mailDev.GetSourceAsync((string)mail["id"]!);
        var mime = await MimeMessage.LoadAsync(source);
        Assert.Equal("support@notify.test", Assert.Single(mime.ReplyTo.Mailboxes).Address);
        Assert.Equal(sent.ProviderMessageId, mime.MessageId);
        Assert.Empty(mime.Bcc);
    }

    [Fact]
    public async Task Should_derive_the_same_message_id_when_the_same_delivery_is_sent_twice()
    {
        var first = await Sender().SendAsync(EmailMessages.To("ana@example.com", "delivery-7"), CancellationToken.None);
        var second = await Sender().SendAsync(EmailMessages.To("ana@example.com", "delivery-7"), CancellationToken.None);

        Assert.Equal($"{DeliveryKeys.Token("delivery-7")}@notify.test", Assert.IsType<EmailSendResult.Sent>(first).ProviderMessageId);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Should_retry_later_when_smtp_server_is_down()
    {
        var result = await Sender(FreePort.Next()).SendAsync(EmailMessages.To("ana@example.com"), CancellationToken.None);

        Assert.Contains("unreachable", Assert.IsType<EmailSendResult.RetryLater>(result).Error);
    }

    [Fact]
    public async Task Should_fail_permanently_when_smtp_server_rejects_with_5xx()
    {
        var message = EmailMessages.To("ana@example.com") with { Html = new string('x', MailDevFixture.MaxMessageSize * 2) };

        var result = await Sender().SendAsync(message, CancellationToken.None);

        Assert.StartsWith("SMTP 552", Assert.IsType<EmailSendResult.Failed>(result).Error);
    }

    [Fact]
    public async Task Should_fail_without_sending_when_message_has_no_body()
    {
        var message = EmailMessages.To("ana@example.com") with { Html = null, PlainText = null };

        var result = await Sender().SendAsync(message, CancellationToken.None);

        Assert.IsType<EmailSendResult.Failed>(result);
    }
}
