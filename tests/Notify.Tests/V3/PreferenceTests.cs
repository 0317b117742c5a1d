using System.Net;
using Notify.Core.Deliveries;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.V3;

public sealed class PreferenceTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_list_only_the_rules_a_user_set_in_the_documented_shape()
    {
        var app = await server.CreateAppAsync();
        var updates = await server.CreateCategoryAsync(app, "updates", "Updates");
        await server.CreateCategoryAsync(app, "other");
        var empty = await server.Http.CallAsync(app.AsUser("p", HttpMethod.Get, "v3/preferences"), HttpStatusCode.OK);

        await server.Http.CallAsync(app.AsUser("p", HttpMethod.Patch, "v3/preferences", new
        {
            preference = new[] { new { categoryId = updates, channels = new object[] { new { channel = "email", enabled = false }, new { channel = "inApp", enabled = 1 } } } },
        }), HttpStatusCode.OK);
        await server.Http.CallAsync(app.AsUser("p", HttpMethod.Put, "v3/preferences", new
        {
            preference = new[] { new { categoryId = updates, channels = new[] { new { channel = "sms", enabled = false } } } },
        }), HttpStatusCode.OK);
        var listed = await server.Http.CallAsync(app.AsUser("p", HttpMethod.Get, "v3/preferences"), HttpStatusCode.OK);

        Assert.Empty(empty.AsArray());
        Assert.Equal(
            $$"""[{"category":{"id":{{updates}},"name":"Updates","identifier":"updates"},"channelPreferences":[{"channel":"email","enabled":0},{"channel":"inApp","enabled":1},{"channel":"sms","enabled":0}]}]""",
            listed.ToJsonString());
    }

    [Fact]
    public async Task Should_refuse_unknown_categories_channels_and_flags()
    {
        var app = await server.CreateAppAsync();
        var id = await server.CreateCategoryAsync(app, "known");

        var error = await server.Http.CallAsync(app.AsUser("p", HttpMethod.Patch, "v3/preferences", new
        {
            preference = new object[]
            {
                new { categoryId = 999, channels = new[] { new { channel = "email", enabled = false } } },
                new { categoryId = id, channels = new object[] { new { channel = "pigeon", enabled = false }, new { channel = "sms", enabled = "no" } } },
            },
        }), HttpStatusCode.BadRequest);
        await server.Http.CallAsync(app.AsUser("p", HttpMethod.Patch, "v3/preferences", "[]"), HttpStatusCode.BadRequest, """{"status":"error","message":["preference must be an array"]}""");

        var messages = error["message"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains(messages, m => m.StartsWith("preference.1.channels.0.channel must be one of"));
        Assert.Contains("preference.1.channels.1.enabled must be a boolean value", messages);
        Assert.Empty((await server.Http.CallAsync(app.AsUser("p", HttpMethod.Get, "v3/preferences"), HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task Should_skip_and_record_a_channel_the_user_turned_off_for_the_category()
    {
        var app = await server.CreateAppAsync();
        var promos = await server.CreateCategoryAsync(app, "promos");
        await server.SetPreferenceAsync(app, "quiet", promos, "inApp", false);
        await server.SetPreferenceAsync(app, "loud", promos, "email", false);

        var sendId = await server.SendNotificationAsync(app, new
        {
            notification = new { title = "Sale", category = "promos" },
            sendTo = new { recipients = new[] { "quiet", "loud" } },
        });
        await server.SendNotificationAsync(app, new { notification = new { title = "Uncategorised" }, sendTo = new { recipients = new[] { "quiet" } } });

        await server.WaitForInboxAsync(app, "loud", 1);
        var quiet = await server.WaitForInboxAsync(app, "quiet", 1);
        Assert.Equal("Uncategorised", quiet["data"]![0]!["title"]!.GetValue<string>());
        var deliveries = (await server.Get<DeliveryStore>().ListAsync(app.Id, sendId, null, null, 1000, null, CancellationToken.None)).Rows;
        var skipped = Assert.Single(deliveries, d => d.Status == DeliveryStatus.Skipped);
        Assert.Equal(("quiet", "inApp", DeliveryStatus.Skipped, "preference"), (skipped.UserId, skipped.Channel, skipped.Status, skipped.LastError));
    }
}
