using System.Net;
using System.Text.Json.Nodes;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Feeds;

/// <summary>A backend, a person and a callback receiver, end to end over HTTP on Azurite.</summary>
public sealed class FeedJourneyTests(FeedServer server) : IClassFixture<FeedServer>, IAsyncLifetime
{
    private CallbackReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await CallbackReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task Should_take_a_person_from_code_to_unsubscribe_with_both_callbacks()
    {
        var app = await server.CreateAppAsync();
        var feed = await server.CreateFeedAsync(app, "Deliveries", receiver.Url("ok"));

        var subscriber = await server.ClaimAsync(await server.CodeAsync(feed, "customer-1"));
        var subscribed = await CallbackAsync(feed, 1);
        AssertCallback(subscribed, feed, """{"type":"subscription","message":"Channel subscription.","channelId":"FEED","iuid":"customer-1"}""");

        var sent = await server.SendAsync(feed, "customer-1", "Parcel shipped", "It arrives tomorrow.");
        var seen = Assert.Single(await server.NotificationsAsync(subscriber))!;
        Assert.Equal(sent.ToJsonString(), seen.ToJsonString());

        var beforeRead = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var read = await server.NoCookies.CallAsync(subscriber.Call(HttpMethod.Post, $"/notifications/{sent["id"]}/read"), HttpStatusCode.OK);
        Assert.InRange(read["readedAt"]!.GetValue<long>(), beforeRead, beforeRead + 60);
        Assert.Equal(read["readedAt"]!.GetValue<long>(), Assert.Single(await server.NotificationsAsync(subscriber))!["readedAt"]!.GetValue<long>());

        await server.NoCookies.CallAsync(subscriber.Call(HttpMethod.Patch, "", new { mute = true }), HttpStatusCode.OK);
        var muted = await server.Http.CallAsync(feed.Channel(HttpMethod.Get, "subscriptions/customer-1"), HttpStatusCode.OK);
        Assert.True(muted["mute"]!.GetValue<bool>());
        var pushedBefore = (await server.NoCookies.CallAsync(subscriber.Call(HttpMethod.Get), HttpStatusCode.OK))["pushedAt"]!.ToJsonString();
        await server.SendAsync(feed, "customer-1", "While muted", "Stored, not pushed.");
        Assert.Equal(2, (await server.NotificationsAsync(subscriber)).Count);
        Assert.Equal(pushedBefore, (await server.NoCookies.CallAsync(subscriber.Call(HttpMethod.Get), HttpStatusCode.OK))["pushedAt"]!.ToJsonString());

        await server.NoCookies.CallAsync(subscriber.Call(HttpMethod.Delete), HttpStatusCode.NoContent);
        var unsubscribed = await CallbackAsync(feed, 2);
        AssertCallback(unsubscribed, feed, """{"type":"unsubcription","message":"Channel unsubscription.","channelId":"FEED","iuid":"customer-1"}""");
        await server.Http.CallAsync(feed.Channel(HttpMethod.Get, "subscriptions/customer-1"), HttpStatusCode.NotFound, """{"statusCode":404,"message":"Subscription not found","error":"Not Found"}""");
        var refused = await server.Http.CallAsync(feed.Channel(HttpMethod.Post, "notifications/customer-1", new { title = "Anyone?", text = "Nobody is subscribed." }), HttpStatusCode.NotFound);
        Assert.Equal("Subscription not found", refused["message"]!.GetValue<string>());
        await server.NoCookies.CallAsync(subscriber.Call(HttpMethod.Get), HttpStatusCode.NotFound, """{"error":"not_found","message":"No such subscription for this browser."}""");
    }

    [Fact]
    public async Task Should_put_feed_notifications_in_the_users_one_inbox()
    {
        var app = await server.CreateAppAsync();
        var feed = await server.CreateFeedAsync(app);
        var subscriber = await server.ClaimAsync(await server.CodeAsync(feed, "inbox-user"));
        await server.SendNotificationAsync(app, new { notification = new { title = "From v3" }, recipients = new[] { "inbox-user" } });
        await server.WaitForInboxAsync(app, "inbox-user", 1);

        var sent = await server.SendAsync(feed, "inbox-user", "From the feed", "Same inbox.");

        var inbox = await server.WaitForInboxAsync(app, "inbox-user", 2);
        Assert.Equal("From the feed", inbox["data"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(2, inbox["unreadCount"]!.GetValue<int>());
        // The subscriber's page lists its feed's notifications only.
        Assert.Equal(sent["id"]!.GetValue<string>(), Assert.Single(await server.NotificationsAsync(subscriber))!["id"]!.GetValue<string>());
        await server.NoCookies.CallAsync(subscriber.Call(HttpMethod.Post, $"/notifications/{sent["id"]}/read"), HttpStatusCode.OK);
        Assert.Equal(1, (await server.Http.CallAsync(app.AsUser("inbox-user", HttpMethod.Get, "v3/notifications"), HttpStatusCode.OK))["unreadCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_keep_one_subscription_when_the_same_person_subscribes_twice()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync(), callbackUrl: receiver.Url("ok"));
        var first = await server.CodeAsync(feed, "twice");
        var second = await server.CodeAsync(feed, "twice");

        var phone = await server.ClaimAsync(first);
        await CallbackAsync(feed, 1);
        var again = await server.ClaimAsync(second, phone.Credential);
        var repeated = await server.ClaimAsync(second, phone.Credential);

        Assert.Equal(phone.SubscriptionId, again.SubscriptionId);
        Assert.Equal(phone.SubscriptionId, repeated.SubscriptionId);
        var list = await server.NoCookies.CallAsync(FeedApi.Subscriber(HttpMethod.Get, "feeds/api/subscriptions", phone.Credential), HttpStatusCode.OK);
        Assert.Single(list.AsArray());
        await server.QueuesDrainedAsync();
        Assert.Single(receiver.Calls, c => c.Body.Contains(feed.Id));
    }

    [Fact]
    public async Task Should_use_a_code_once_and_let_a_new_code_work_beside_an_unexpired_one()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync());
        var code = await server.CodeAsync(feed, "once");
        var spare = await server.CodeAsync(feed, "once");

        var owner = await server.ClaimAsync(code);
        var reuse = await server.NoCookies.CallAsync(FeedApi.Subscriber(HttpMethod.Post, $"feeds/api/codes/{code}/claim", null), HttpStatusCode.Gone);
        Assert.Equal("code_used", reuse["error"]!.GetValue<string>());
        var stranger = await server.ClaimAsync(spare);
        Assert.Equal(owner.SubscriptionId, stranger.SubscriptionId);
        await server.NoCookies.CallAsync(FeedApi.Subscriber(HttpMethod.Get, "feeds/api/codes/abcdefghijklmnopqrstuvwx", null), HttpStatusCode.NotFound, """{"error":"not_found","message":"This code is not valid."}""");
    }

    [Fact]
    public async Task Should_expire_a_code_after_a_day()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync());
        var code = await server.CodeAsync(feed, "late");
        var preview = await server.NoCookies.CallAsync(FeedApi.Subscriber(HttpMethod.Get, $"feeds/api/codes/{code}", null), HttpStatusCode.OK);
        Assert.Equal("Order updates", preview["feed"]!["name"]!.GetValue<string>());

        server.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        try
        {
            var expired = await server.NoCookies.CallAsync(FeedApi.Subscriber(HttpMethod.Post, $"feeds/api/codes/{code}/claim", null), HttpStatusCode.Gone);
            Assert.Equal("code_expired", expired["error"]!.GetValue<string>());
            await server.Http.CallAsync(feed.Channel(HttpMethod.Get, "subscriptions/late"), HttpStatusCode.NotFound, """{"statusCode":404,"message":"Subscription not found","error":"Not Found"}""");
        }
        finally
        {
            server.Clock.Advance(-(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1)));
        }
    }

    [Fact]
    public async Task Should_let_a_credential_reach_only_its_own_subscriptions()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync());
        var alice = await server.ClaimAsync(await server.CodeAsync(feed, "alice"));
        var bob = await server.ClaimAsync(await server.CodeAsync(feed, "bob"));
        var aliceOnBob = alice with { SubscriptionId = bob.SubscriptionId };

        await server.NoCookies.CallAsync(aliceOnBob.Call(HttpMethod.Get), HttpStatusCode.NotFound, """{"error":"not_found","message":"No such subscription for this browser."}""");
        await server.NoCookies.CallAsync(aliceOnBob.Call(HttpMethod.Get, "/notifications"), HttpStatusCode.NotFound, """{"error":"not_found","message":"No such subscription for this browser."}""");
        await server.NoCookies.CallAsync(aliceOnBob.Call(HttpMethod.Patch, "", new { mute = true }), HttpStatusCode.NotFound, """{"error":"not_found","message":"No such subscription for this browser."}""");
        await server.NoCookies.CallAsync(aliceOnBob.Call(HttpMethod.Delete), HttpStatusCode.NotFound, """{"error":"not_found","message":"No such subscription for this browser."}""");
        var forged = bob with { Credential = bob.Credential[..^1] + (bob.Credential[^1] == 'x' ? "y" : "x") };
        await server.NoCookies.CallAsync(forged.Call(HttpMethod.Get), HttpStatusCode.Unauthorized, """{"error":"unauthorized","message":"Subscribe with a code first: this browser holds no subscriber credential."}""");
        Assert.False((await server.NoCookies.CallAsync(bob.Call(HttpMethod.Get), HttpStatusCode.OK))["mute"]!.GetValue<bool>());
        var cross = FeedApi.Subscriber(HttpMethod.Delete, $"feeds/api/subscriptions/{bob.SubscriptionId}", bob.Credential);
        cross.Headers.Add("Origin", "https://evil.example");
        await server.NoCookies.CallAsync(cross, HttpStatusCode.Forbidden, """{"error":"cross_origin","message":"Requests that change subscriptions must come from this site's pages."}""");
        await server.NoCookies.CallAsync(bob.Call(HttpMethod.Get), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_answer_hostile_subscriber_requests_with_4xx()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync());
        var subscriber = await server.ClaimAsync(await server.CodeAsync(feed, "hostile"));

        await server.NoCookies.CallAsync(subscriber.Call(HttpMethod.Patch, "", "{\"mute\":"), HttpStatusCode.BadRequest, """{"error":"invalid","message":"Send {\"mute\": true} or {\"mute\": false}."}""");
        await server.NoCookies.CallAsync(subscriber.Call(HttpMethod.Patch, "", new { mute = "yes" }), HttpStatusCode.BadRequest, """{"error":"invalid","message":"Send {\"mute\": true} or {\"mute\": false}."}""");
        await server.NoCookies.CallAsync(subscriber.Call(HttpMethod.Get, "/notifications?limit=0"), HttpStatusCode.BadRequest, """{"error":"invalid","message":"limit must be a whole number from 1 to 100."}""");
        await server.NoCookies.CallAsync(subscriber.Call(HttpMethod.Get, "/notifications?after=%00%7C"), HttpStatusCode.OK);
        await server.NoCookies.CallAsync(subscriber.Call(HttpMethod.Post, "/notifications/not-an-id/read"), HttpStatusCode.NotFound, """{"error":"not_found","message":"No such notification in this subscription."}""");
        await server.NoCookies.CallAsync(subscriber.Call(HttpMethod.Post, "/notifications/0123456789abcdef01234567/read"), HttpStatusCode.NotFound, """{"error":"not_found","message":"No such notification in this subscription."}""");
        await server.NoCookies.CallAsync(FeedApi.Subscriber(HttpMethod.Post, "feeds/api/codes/..%2F..%2Fx/claim", null), HttpStatusCode.NotFound, """{"error":"not_found","message":"This code is not valid."}""");
        await server.NoCookies.CallAsync(FeedApi.Subscriber(HttpMethod.Get, "feeds/api/subscriptions/%E2%80%AE", subscriber.Credential), HttpStatusCode.NotFound, """{"error":"not_found","message":"No such subscription for this browser."}""");
        await server.NoCookies.CallAsync(FeedApi.Subscriber(HttpMethod.Get, "feeds/api/subscriptions", "no.such"), HttpStatusCode.Unauthorized, """{"error":"unauthorized","message":"Subscribe with a code first: this browser holds no subscriber credential."}""");
        using var asset = await server.NoCookies.GetAsync("feeds/assets/..%2Findex.html");
        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
        Assert.Equal("No such file.", await asset.Content.ReadAsStringAsync());
        Assert.False((await server.NoCookies.CallAsync(subscriber.Call(HttpMethod.Get), HttpStatusCode.OK))["mute"]!.GetValue<bool>());
    }

    private async Task<CallbackReceiver.Call> CallbackAsync(TestFeed feed, int count)
    {
        await TestCatalog.EventuallyAsync(() => Task.FromResult(receiver.Calls.Count(c => c.Body.Contains(feed.Id)) >= count), $"callback {count}");
        return receiver.Calls.Where(c => c.Body.Contains(feed.Id)).ElementAt(count - 1);
    }

    private static void AssertCallback(CallbackReceiver.Call call, TestFeed feed, string expected)
    {
        Assert.Equal(feed.CallbackAuthorization, call.Authorization);
        Assert.StartsWith("Basic ", call.Authorization);
        Assert.True(CallbackReceiver.IsSigned(call, feed.SigningSecret), "the Standard Webhooks signature verifies");
        var body = JsonNode.Parse(call.Body)!.AsObject();
        Assert.InRange(body["date"]!.GetValue<long>(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        body.Remove("date");
        Assert.Equal(expected.Replace("FEED", feed.Id), body.ToJsonString());
    }
}
