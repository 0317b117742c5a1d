using System.Net;
using Notify.Core.Deliveries;
using Notify.Tests.Delivery;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Batch;

public sealed class SmsTests(BatchServer server) : IClassFixture<BatchServer>
{
    private static readonly object Codes = new
    {
        identifier = "code", channels = new[] { "sms" },
        locales = new { en = new { sms = new { text = "Your code is {{ data.code }}" } }, fr = new { sms = new { text = "Votre code : {{ data.code }}" } } },
    };

    [Fact]
    public async Task Should_text_through_acs_while_the_caller_waits_and_report_provider_failures_as_sms_errors()
    {
        var app = await server.CreateAppAsync();
        await server.CreateNotificationAsync(app, Codes);

        var results = await server.SendMessagesAsync(app,
            new { id = "sms-ok", notificationId = "code", userId = "ola", userTelephone = "+14155550111", userLanguage = "fr", data = new { code = "4821" } },
            new { id = "sms-bad", notificationId = "code", userId = "pim", userTelephone = "+14155550400", data = new { code = "1" } },
            new { id = "sms-busy", notificationId = "code", userId = "quin", userTelephone = "+14155550429", data = new { code = "2" } },
            new { id = "sms-none", notificationId = "code", userId = "rob", data = new { code = "3" } });

        Assert.All(results, r => Assert.True((bool)r!["ok"]!));
        Assert.Equal(["sent", "failed", "queued", "skipped"], results.Select(r => (string)r!["channels"]!["sms"]!));
        Assert.Null(results[0]!["smsError"]);
        Assert.Equal("ACS SMS 400: Invalid To phone number format.", (string)results[1]!["smsError"]!);
        Assert.StartsWith("ACS SMS 429", (string)results[2]!["smsError"]!);
        Assert.Null(results[3]!["smsError"]);
        var texted = Assert.Single(server.Sms.Texted, t => t.To == "+14155550111");
        Assert.Equal("Votre code : 4821", texted.Message);
        Assert.Empty(server.Sms.Violations);
        var sent = await server.WaitForDeliveriesAsync(app, "m.sms-ok", r => r.Count == 1, "the delivery record");
        Assert.Equal((DeliveryStatus.Sent, 1), (sent[0]!.Status(), (int)sent[0]!["attempts"]!));
    }

    [Fact]
    public async Task Should_leave_a_slow_provider_to_the_queue_and_text_once()
    {
        var app = await server.CreateAppAsync();
        await server.CreateNotificationAsync(app, Codes);
        var started = DateTime.UtcNow;

        var results = await server.SendMessagesAsync(app, new { id = "slow", notificationId = "code", userId = "sly", userTelephone = "+14155550999", data = new { code = "9" } });

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(11), "the request waited for the slow provider");
        Assert.Equal(("queued", true), ((string)results[0]!["channels"]!["sms"]!, (bool)results[0]!["ok"]!));
        // The queue tries again once the wait is over, and the provider takes its time again.
        await TestCatalog.EventuallyAsync(async () =>
        {
            var answer = await server.Http.CallAsync(app.Backend(HttpMethod.Get, "v3/requests/m.slow/deliveries"), HttpStatusCode.OK);
            return answer["deliveries"]!.AsArray() is [var row] && row!.Status() == DeliveryStatus.Sent;
        }, "the queue to finish the delivery", TimeSpan.FromSeconds(90));
        Assert.Single(server.Sms.Texted, t => t.To == "+14155550999");
    }

    [Fact]
    public async Task Should_text_a_v3_send_on_the_sms_channel()
    {
        var app = await server.CreateAppAsync();

        var sendId = await server.SendNotificationAsync(app, new
        {
            notification = new { title = "Parcel", message = "arrives today" },
            sendTo = new { recipients = new object[] { new { identifier = "uma", phoneNumber = "+14155550177" }, "nophone" } },
            @override = new { channels = new[] { "sms" } },
        });

        var rows = await server.WaitForDeliveriesAsync(app, sendId, r => r.Count == 2 && r.All(d => d!.Status() is DeliveryStatus.Sent or DeliveryStatus.Skipped), "sms outcomes");
        Assert.Equal((DeliveryStatus.Skipped, "no phone number"), (rows.Of("nophone", "sms").Status(), (string)rows.Of("nophone", "sms")["lastError"]!));
        Assert.Equal(DeliveryStatus.Sent, rows.Of("uma", "sms").Status());
        Assert.Equal("Parcel\narrives today", Assert.Single(server.Sms.Texted, t => t.To == "+14155550177").Message);
    }
}
