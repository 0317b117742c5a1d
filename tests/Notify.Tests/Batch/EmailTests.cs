using Notify.Tests.Infrastructure;

namespace Notify.Tests.Batch;

public sealed class EmailTests(BatchServer server) : IClassFixture<BatchServer>
{
    [Fact]
    public async Task Should_email_with_the_messages_override_and_report_provider_failures_as_email_errors()
    {
        var app = await server.CreateAppAsync();
        await server.CreateNotificationAsync(app, new
        {
            identifier = "invoice", channels = new[] { "inApp", "email" },
            locales = new { en = new { inApp = new { title = "Invoice {{ data.no }}" }, email = new { subject = "Invoice {{ data.no }}", html = "<p>Due: {{ data.due }}</p>" } } },
        });
        var marker = Guid.NewGuid().ToString("N");

        var results = await server.SendMessagesAsync(app,
            new
            {
                notificationId = "invoice", userId = "val", userEmail = $"val-{marker}@example.test", data = new { no = 7, due = "Friday" },
                emailSettingsOverride = new { subject = "Reminder {{ data.no }}", from = "billing@notify.test" },
            },
            new { notificationId = "invoice", userId = "wyn", userEmail = "invalid@example.test", data = new { no = 8 } },
            new { notificationId = "invoice", userId = "xan", userEmail = "throttle@example.test", data = new { no = 9 } });

        Assert.All(results, r => Assert.True((bool)r!["ok"]!));
        Assert.Equal(["sent", "failed", "queued"], results.Select(r => (string)r!["channels"]!["email"]!));
        Assert.Null(results[0]!["emailError"]);
        Assert.StartsWith("ACS 400 InvalidRecipient", (string)results[1]!["emailError"]!);
        Assert.StartsWith("ACS 429 TooManyRequests", (string)results[2]!["emailError"]!);
        var sent = Assert.Single(server.Email.Received, e => (string)e.Body["recipients"]!["to"]![0]!["address"]! == $"val-{marker}@example.test").Body;
        Assert.Equal(("Reminder 7", "billing@notify.test", "<p>Due: Friday</p>"),
            ((string)sent["content"]!["subject"]!, (string)sent["senderAddress"]!, (string)sent["content"]!["html"]!));
        Assert.Equal("Invoice 7", (string)(await server.WaitForInboxAsync(app, "val", 1))["data"]![0]!["title"]!);
    }
}
