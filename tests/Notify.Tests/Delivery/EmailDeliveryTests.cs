using System.Net;
using MimeKit;
using Notify.Core.Deliveries;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Delivery;

public sealed class EmailDeliveryTests(ChannelServer server) : IClassFixture<ChannelServer>
{
    [Fact]
    public async Task Should_email_through_smtp_with_the_override_and_record_what_it_skipped()
    {
        var app = await server.CreateAppAsync();
        var subject = $"Invoice {Guid.NewGuid():N}";
        var sendId = await server.SendNotificationAsync(app, new
        {
            notification = new { title = subject, message = "Total: 5 < 6", url = "https://example.test/invoices/1" },
            sendTo = new { recipients = new object[] { new { identifier = "ann", email = "ann@example.test", name = "Ann" }, "nobody" } },
            @override = new
            {
                channels = new[] { "inApp", "email", "sms" },
                channel = new { email = new { from = "billing@notify.test", fromName = "Billing", replyTo = "help@notify.test", cc = new[] { "audit@notify.test" } } },
            },
        });

        var rows = await server.WaitForDeliveriesAsync(app, sendId,
            r => r.Count == 6 && r.All(d => d!.Status() is not (DeliveryStatus.Queued or DeliveryStatus.Throttled)), "every outcome");
        var mail = await server.MailDev.WaitForEmailAsync(subject);
        Assert.Equal("ann@example.test", (string)mail["to"]![0]!["address"]!);
        Assert.Equal("billing@notify.test", (string)mail["from"]![0]!["address"]!);
        Assert.Equal("Billing", (string)mail["from"]![0]!["name"]!);
        Assert.Equal("audit@notify.test", (string)mail["cc"]![0]!["address"]!);
        Assert.Equal("Total: 5 < 6", ((string)mail["text"]!).Trim());
        Assert.Contains("Total: 5 &lt; 6", (string)mail["html"]!);
        Assert.Contains("<a href=\"https://example.test/invoices/1\">", (string)mail["html"]!);
        var source = await MimeMessage.LoadAsync(await server.MailDev.GetSourceAsync((string)mail["id"]!));
        Assert.Equal("help@notify.test", source.ReplyTo.Mailboxes.Single().Address);

        Assert.Equal((DeliveryStatus.Sent, 1), (rows.Of("ann", "email").Status(), (int)rows.Of("ann", "email")["attempts"]!));
        Assert.Equal((DeliveryStatus.Skipped, "no email address"), (rows.Of("nobody", "email").Status(), (string)rows.Of("nobody", "email")["lastError"]!));
        Assert.All(new[] { "ann", "nobody" }, user => Assert.Equal(DeliveryStatus.Skipped, rows.Of(user, "sms").Status()));
        Assert.All(new[] { "ann", "nobody" }, user => Assert.Equal(DeliveryStatus.Sent, rows.Of(user, "inApp").Status()));
    }

    [Fact]
    public async Task Should_use_the_apps_default_channels_when_the_send_names_none()
    {
        var app = await server.CreateAppAsync();
        var settings = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}",
            new { defaultChannels = new[] { "email" }, rateLimits = new { email = 100 } }), HttpStatusCode.OK);
        Assert.Equal(["email"], settings["defaultChannels"]!.AsArray().Select(c => (string)c!));
        var subject = $"Default {Guid.NewGuid():N}";

        var sendId = await server.SendNotificationAsync(app, new
        {
            notification = new { title = subject },
            sendTo = new { recipients = new[] { new { identifier = "bo", email = "bo@example.test" } } },
        });

        var rows = await server.WaitForDeliveriesAsync(app, sendId, r => r.Count == 1 && r[0]!.Status() == DeliveryStatus.Sent, "email sent");
        Assert.Equal("email", (string)rows[0]!["channel"]!);
        await server.MailDev.WaitForEmailAsync(subject);
        var inbox = await server.Http.CallAsync(app.AsUser("bo", HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK);
        Assert.Empty(inbox["data"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"defaultChannels":["pigeon"]}""", "defaultChannels must hold only")]
    [InlineData("""{"webhookUrl":"ftp://x.test"}""", "webhookUrl must be an absolute http or https URL")]
    [InlineData("""{"rateLimits":{"email":0}}""", "rateLimits.email must be a positive integer")]
    public async Task Should_refuse_bad_channel_settings(string patch, string message)
    {
        var app = await server.CreateAppAsync();

        var error = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}", patch), HttpStatusCode.BadRequest);

        Assert.StartsWith(message, (string)error["message"]![0]!);
    }

    [Fact]
    public async Task Should_refuse_a_send_with_a_bad_email_override_or_channel()
    {
        var app = await server.CreateAppAsync();

        var error = await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/notifications", new
        {
            notification = new { title = "x" },
            sendTo = new { recipients = new[] { "u" } },
            @override = new { channels = new[] { "fax" }, channel = new { email = new { from = "not an address", cc = new[] { "a@b.test", "nope" } } } },
        }), HttpStatusCode.BadRequest);

        Assert.Equal(
            ["override.channel.email.cc.1 must be an email", "override.channel.email.from must be an email",
             "override.channels.0 must be one of the following values: inApp, webPush, mobilePush, email, sms, webhook, whatsapp, slack, discord"],
            error["message"]!.AsArray().Select(m => (string)m!).Order());
    }
}
