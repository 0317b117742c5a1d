using System.Net;
using System.Text.Json.Nodes;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Batch;

public sealed class WidgetTests(BatchServer server) : IClassFixture<BatchServer>
{
    [Fact]
    public async Task Should_show_the_users_v3_inbox_and_share_read_state_with_it()
    {
        var app = await server.CreateAppAsync();
        await server.CreateNotificationAsync(app, BatchApi.InAppNotification("digest"));
        await server.SendMessagesAsync(app, new { notificationId = "digest", userId = "wen", data = new { what = "batch" }, userFirstName = "Wen" });
        await server.SendNotificationAsync(app, new { notification = new { title = "From v3" }, sendTo = new { recipients = new[] { "wen" } } });
        var v3 = await server.WaitForInboxAsync(app, "wen", 2);

        var list = await server.Http.CallAsync(app.FrontGet("front/messages.list", "wen", query: "&skip=0&limit=10"), HttpStatusCode.OK);

        Assert.Equal((2, 2), ((int)list["total"]!, (int)list["unread"]!));
        var messages = list["messages"]!.AsArray();
        Assert.Equal(v3["data"]!.AsArray().Select(i => ((long)i!["id"]!).ToString()), messages.Select(m => (string)m!["id"]!));
        var batch = messages.Single(m => (string?)m!["notificationId"] == "digest")!;
        Assert.Equal(("Hi Wen", "batch x1", "wen"), ((string)batch["title"]!, (string)batch["content"]!, (string)batch["userId"]!));
        Assert.Null(batch["readAt"]);

        await server.Http.CallAsync(app.FrontPost("front/messages.read", "wen", new JsonObject { ["messageId"] = (string)batch["id"]! }), HttpStatusCode.OK);
        var afterRead = await server.Http.CallAsync(app.AsUser("wen", HttpMethod.Get, $"v3/notifications/{(string)batch["id"]!}"), HttpStatusCode.OK);
        Assert.NotNull(afterRead["clickedAt"]);
        await server.Http.CallAsync(app.FrontPost("front/messages.readAll", "wen"), HttpStatusCode.OK);
        var v3After = await server.Http.CallAsync(app.AsUser("wen", HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK);
        Assert.Equal(0, (int)v3After["unreadCount"]!);
        var page = await server.Http.CallAsync(app.FrontGet("front/messages.list", "wen", query: "&skip=1&limit=1"), HttpStatusCode.OK);
        Assert.Equal([(string)messages[1]!["id"]!], page["messages"]!.AsArray().Select(m => (string)m!["id"]!));
        var unaligned = await server.Http.CallAsync(app.FrontGet("front/messages.list", "wen", query: "&skip=1&limit=5"), HttpStatusCode.OK);
        Assert.Equal([(string)messages[1]!["id"]!], unaligned["messages"]!.AsArray().Select(m => (string)m!["id"]!));
        Assert.All(page["messages"]!.AsArray(), m => Assert.NotNull(m!["readAt"]));
        await server.Http.CallAsync(app.FrontPost("front/messages.read", "wen", new JsonObject { ["messageId"] = "123" }), HttpStatusCode.NotFound, """{"message":"Message not found"}""");
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("")]
    [InlineData("other-user")]
    public async Task Should_refuse_a_wrong_user_hmac_with_401_and_nothing_else(string hmac)
    {
        var app = await server.CreateAppAsync();
        var signature = hmac == "other-user" ? app.Hmac("someone-else") : hmac;

        using var get = await server.Http.SendAsync(app.FrontGet("front/users.get", "vic", signature));
        using var post = await server.Http.SendAsync(app.FrontPost("front/messages.readAll", "vic", hmac: signature));

        foreach (var response in new[] { get, post })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("{\"message\":\"Unauthorized\"}", await response.Content.ReadAsStringAsync());
            Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }
        Assert.Null(await server.Get<Notify.Core.Users.UserStore>().GetAsync(app.Id, "vic", CancellationToken.None));
    }

    [Fact]
    public async Task Should_answer_a_cors_preflight_for_the_front_api()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "front/users.setProfile");
        request.Headers.Add("Origin", "https://shop.example.test");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Equal("content-type", response.Headers.GetValues("Access-Control-Allow-Headers").Single());
    }

    [Fact]
    public async Task Should_set_the_profile_and_mutes_and_skip_a_muted_channel()
    {
        var app = await server.CreateAppAsync();
        await server.CreateNotificationAsync(app, new
        {
            identifier = "alerts", name = "Alerts", channels = new[] { "inApp", "sms" }, mutableChannels = new[] { "sms" },
            locales = new { en = new { inApp = new { title = "Alert" }, sms = new { text = "Alert {{ data.code }}" } } },
        });
        await server.CreateNotificationAsync(app, BatchApi.InAppNotification("other"));

        var refused = await server.Http.CallAsync(app.FrontPost("front/users.setProfile", "xia",
            JsonNode.Parse("""{"user":{"preferences":{"alerts":{"muteWidget":true}}}}""")!.AsObject()), HttpStatusCode.BadRequest);
        var set = await server.Http.CallAsync(app.FrontPost("front/users.setProfile", "xia",
            JsonNode.Parse("""{"user":{"firstName":"Xia","telephone":"+14155550100","preferences":[{"notificationId":"alerts","muteSMS":true}]}}""")!.AsObject()),
            HttpStatusCode.OK);
        var results = await server.SendMessagesAsync(app, new { id = "muted-1", notificationId = "alerts", userId = "xia", data = new { code = 1 } });
        var user = await server.Http.CallAsync(app.FrontGet("front/users.get", "xia"), HttpStatusCode.OK);

        Assert.Contains("cannot be muted", (string)refused["message"]!);
        Assert.Equal(("Xia", "+14155550100", true), ((string)set["user"]!["firstName"]!, (string)set["user"]!["telephone"]!, (bool)set["user"]!["preferences"]!["alerts"]!["muteSMS"]!));
        Assert.Equal(("sent", "muted"), ((string)results[0]!["channels"]!["widget"]!, (string)results[0]!["channels"]!["sms"]!));
        var deliveries = await server.Http.CallAsync(app.Backend(HttpMethod.Get, "v3/requests/m.muted-1/deliveries"), HttpStatusCode.OK);
        var sms = deliveries["deliveries"]!.AsArray().Single(d => (string)d!["channel"]! == "sms")!;
        Assert.Equal(("skipped", "muted"), ((string)sms["status"]!, (string)sms["lastError"]!));
        Assert.DoesNotContain(server.Sms.Texted, t => t.To == "+14155550100");
        var alerts = user["notifications"]!.AsArray().Single(n => (string)n!["id"]! == "alerts")!;
        Assert.Equal((true, false, true), ((bool)alerts["channels"]!["sms"]!, (bool)alerts["mutable"]!["widget"]!, (bool)alerts["mutable"]!["sms"]!));
        Assert.Equal(2, user["notifications"]!.AsArray().Count);
    }
}
