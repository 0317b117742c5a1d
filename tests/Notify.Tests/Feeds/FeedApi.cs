using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Notify.Core.Faces.Subscriptions;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Feeds;

public sealed record TestFeed(string Id, string AppId, string ApiKey, string CallbackAuthorization, string SigningSecret);

/// <summary>A subscriber as a non-browser client: its Bearer credential and the subscription it claimed.</summary>
public sealed record TestSubscriber(string Credential, string SubscriptionId);

/// <summary>Requests of the channels API, the operator's feed routes and the subscriber API.</summary>
public static class FeedApi
{
    public static async Task<TestFeed> CreateFeedAsync(this NotifyServer server, TestApp app, string name = "Order updates", Uri? callbackUrl = null)
    {
        var created = await server.Http.CallAsync(
            TestApi.Operator(HttpMethod.Post, $"operator/apps/{app.Id}/feeds", new { name, callbackUrl = callbackUrl?.ToString() }), HttpStatusCode.Created);
        return new TestFeed(created["id"]!.GetValue<string>(), app.Id, created["apiKey"]!.GetValue<string>(),
            created["callbackAuthorization"]!.GetValue<string>(), created["callbackSigningSecret"]!.GetValue<string>());
    }

    public static HttpRequestMessage Channel(this TestFeed feed, HttpMethod method, string path, object? body = null) =>
        WithKey(method, $"channels/{feed.Id}/{path}", feed.ApiKey, body);

    public static HttpRequestMessage WithKey(HttpMethod method, string path, string? key, object? body = null)
    {
        var request = TestApi.Request(method, path, body);
        if (key is not null) request.Headers.Add(ChannelEndpoints.KeyHeader, key);
        return request;
    }

    public static async Task<string> CodeAsync(this NotifyServer server, TestFeed feed, string iuid) =>
        (await server.Http.CallAsync(feed.Channel(HttpMethod.Get, $"subscriptions/{Uri.EscapeDataString(iuid)}/code"), HttpStatusCode.OK))["code"]!.GetValue<string>();

    public static Task<JsonNode> SendAsync(this NotifyServer server, TestFeed feed, string iuid, string title, string text = "Your parcel is on its way.") =>
        server.Http.CallAsync(feed.Channel(HttpMethod.Post, $"notifications/{Uri.EscapeDataString(iuid)}", new { title, text }), HttpStatusCode.OK);

    /// <summary>Claims the code as a new subscriber, or as <paramref name="credential"/>.</summary>
    public static async Task<TestSubscriber> ClaimAsync(this FeedServer server, string code, string? credential = null)
    {
        var claimed = await server.NoCookies.CallAsync(Subscriber(HttpMethod.Post, $"feeds/api/codes/{code}/claim", credential), HttpStatusCode.OK);
        return new TestSubscriber(credential ?? claimed["credential"]!.GetValue<string>(), claimed["subscription"]!["id"]!.GetValue<string>());
    }

    public static HttpRequestMessage Subscriber(HttpMethod method, string path, string? credential, object? body = null)
    {
        var request = TestApi.Request(method, path, body);
        if (credential is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return request;
    }

    public static HttpRequestMessage Call(this TestSubscriber subscriber, HttpMethod method, string suffix = "", object? body = null) =>
        Subscriber(method, $"feeds/api/subscriptions/{subscriber.SubscriptionId}{suffix}", subscriber.Credential, body);

    public static async Task<JsonArray> NotificationsAsync(this FeedServer server, TestSubscriber subscriber) =>
        (await server.NoCookies.CallAsync(subscriber.Call(HttpMethod.Get, "/notifications"), HttpStatusCode.OK))["items"]!.AsArray();
}
