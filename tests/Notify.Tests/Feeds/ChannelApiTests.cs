using System.Net;
using System.Text.Json.Nodes;
using Notify.Tests.Infrastructure;
using Notify.Tests.Status;

namespace Notify.Tests.Feeds;

/// <summary>The seed's four endpoints: their documented answers and errors, byte for byte where the seed shows them.</summary>
public sealed class ChannelApiTests(FeedServer server) : IClassFixture<FeedServer>
{
    private const string UnknownFeed = "0123456789abcdef01234567";

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "subscriptions/u1/code" },
        { "GET", "subscriptions" },
        { "GET", "subscriptions/u1" },
        { "POST", "notifications/u1" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Should_answer_each_route_with_the_seeds_error_bodies(string method, string path)
    {
        var app = await server.CreateAppAsync();
        var feed = await server.CreateFeedAsync(app);
        var other = await server.CreateFeedAsync(await server.CreateAppAsync("other tenant"));
        var verb = new HttpMethod(method);
        object? body = method == "POST" ? new { title = "Hello there", text = "A valid text." } : null;

        await ExpectAsync(FeedApi.WithKey(verb, $"channels/not-an-id/{path}", feed.ApiKey, body), 400,
            """{"statusCode":400,"message":"Channel id not valid","error":"Bad Request"}""");
        await ExpectAsync(FeedApi.WithKey(verb, $"channels/{feed.Id}/{path}", null, body), 401,
            """{"statusCode":401,"message":"Channel api key is no valid.","error":"Unauthorized"}""");
        await ExpectAsync(FeedApi.WithKey(verb, $"channels/{UnknownFeed}/{path}", feed.ApiKey, body), 404,
            """{"statusCode":404,"message":"Channel not found","error":"Not Found"}""");
        // Another tenant's feed key never reaches this feed.
        await ExpectAsync(FeedApi.WithKey(verb, $"channels/{feed.Id}/{path}", other.ApiKey, body), 401,
            """{"statusCode":401,"message":"Channel api key is no valid.","error":"Unauthorized"}""");
    }

    [Fact]
    public async Task Should_answer_404_for_an_iuid_without_a_subscription()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync());

        await ExpectAsync(feed.Channel(HttpMethod.Get, "subscriptions/nobody"), 404,
            """{"statusCode":404,"message":"Subscription not found","error":"Not Found"}""");
        await ExpectAsync(feed.Channel(HttpMethod.Post, "notifications/nobody", new { title = "Hello", text = "Anyone there?" }), 404,
            """{"statusCode":404,"message":"Subscription not found","error":"Not Found"}""");
    }

    [Fact]
    public async Task Should_refuse_a_send_body_outside_the_seeds_bounds_with_every_message()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync());
        await server.ClaimAsync(await server.CodeAsync(feed, "bounds"));

        var shortAndLong = await server.Http.CallAsync(feed.Channel(HttpMethod.Post, "notifications/bounds",
            new { title = "Hi", text = new string('x', 201) }), HttpStatusCode.BadRequest);
        Assert.Equal("""{"statusCode":400,"message":["title must be longer than or equal to 3 characters","text must be shorter than or equal to 200 characters"],"error":"Bad Request"}""",
            shortAndLong.ToJsonString());
        var missing = await server.Http.CallAsync(feed.Channel(HttpMethod.Post, "notifications/bounds", new { title = 42 }), HttpStatusCode.BadRequest);
        Assert.Equal(["title must be longer than or equal to 3 characters", "title must be a string", "text must be longer than or equal to 3 characters", "text must be a string"],
            missing["message"]!.AsArray().Select(m => m!.GetValue<string>()));
        var malformed = await server.Http.CallAsync(feed.Channel(HttpMethod.Post, "notifications/bounds", "{\"title\":"), HttpStatusCode.BadRequest);
        Assert.Equal("Bad Request", malformed["error"]!.GetValue<string>());
        var longest = await server.SendAsync(feed, "bounds", new string('t', 30), new string('x', 200));
        Assert.Equal(30, longest["title"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task Should_give_a_code_with_a_qr_image_of_the_deep_link()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync());

        var answer = await server.Http.CallAsync(feed.Channel(HttpMethod.Get, "subscriptions/user%2F1/code"), HttpStatusCode.OK);

        Assert.Equal(["code", "qrcode", "deepLink", "appUrl"], answer.AsObject().Select(p => p.Key));
        var code = answer["code"]!.GetValue<string>();
        Assert.Equal(24, code.Length);
        Assert.Equal(new Uri(server.Http.BaseAddress!, $"feeds/subscribe/{code}").ToString(), answer["deepLink"]!.GetValue<string>());
        Assert.Equal(new Uri(server.Http.BaseAddress!, "feeds/").ToString(), answer["appUrl"]!.GetValue<string>());
        var qr = answer["qrcode"]!.GetValue<string>();
        Assert.StartsWith("data:image/png;base64,", qr);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(qr["data:image/png;base64,".Length..])[..4]);
        Assert.NotEqual(code, await server.CodeAsync(feed, "user/1"));
    }

    [Fact]
    public async Task Should_show_a_subscription_as_the_seed_does_and_send_with_the_seeds_answer()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync());
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var subscriber = await server.ClaimAsync(await server.CodeAsync(feed, "user/7"));

        var subscription = await server.Http.CallAsync(feed.Channel(HttpMethod.Get, "subscriptions/user%2F7"), HttpStatusCode.OK);
        Assert.Equal(["channel", "subscriber", "iuid", "mute", "createdAt", "updatedAt", "id"], subscription.AsObject().Select(p => p.Key));
        Assert.Equal(feed.Id, subscription["channel"]!.GetValue<string>());
        Assert.Equal(subscriber.Credential.Split('.')[0], subscription["subscriber"]!.GetValue<string>());
        Assert.Equal("user/7", subscription["iuid"]!.GetValue<string>());
        Assert.False(subscription["mute"]!.GetValue<bool>());
        Assert.InRange(subscription["createdAt"]!.GetValue<long>(), before, before + 60);
        Assert.Equal(subscriber.SubscriptionId, subscription["id"]!.GetValue<string>());

        var sent = await server.SendAsync(feed, "user/7", "Notification Title", "This is notification text, I can write anything!");
        Assert.Equal(["subscription", "title", "text", "readedAt", "createdAt", "id"], sent.AsObject().Select(p => p.Key));
        Assert.Equal(subscriber.SubscriptionId, sent["subscription"]!.GetValue<string>());
        Assert.Equal(0, sent["readedAt"]!.GetValue<long>());
        Assert.Matches("^[0-9a-f]{24}$", sent["id"]!.GetValue<string>());

        var list = await server.Http.CallAsync(feed.Channel(HttpMethod.Get, "subscriptions"), HttpStatusCode.OK);
        Assert.Equal(subscription.ToJsonString(), Assert.Single(list.AsArray())!.ToJsonString());
    }

    private async Task ExpectAsync(HttpRequestMessage request, int status, string body)
    {
        var answer = await server.Http.CallAsync(request, (HttpStatusCode)status);
        Assert.Equal(JsonNode.Parse(body)!.ToJsonString(), answer.ToJsonString());
    }

    [Fact]
    public async Task Should_make_a_user_first_seen_through_a_feed_part_of_the_apps_broadcast_audience()
    {
        var app = await server.CreateAppAsync();
        var feed = await server.CreateFeedAsync(app);
        await server.ClaimAsync(await server.CodeAsync(feed, "feed-only"));
        await server.SendAsync(feed, "feed-only", "Parcel shipped");

        var id = (string)(await server.CreateRequestAsync(app, new { type = "SIMPLE", title = "Everyone", content = "c", broadcast = true }))["id"]!;
        var read = await server.WaitUntilCompletedAsync(app, id, "?limit=100");

        Assert.Equal(["feed-only"], read.Items().Select(i => (string)i["user"]!["id"]!));
    }
}
