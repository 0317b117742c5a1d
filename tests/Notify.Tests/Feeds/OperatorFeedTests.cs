using System.Net;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Feeds;

public sealed class OperatorFeedTests(FeedServer server) : IClassFixture<FeedServer>
{
    [Fact]
    public async Task Should_create_list_change_and_delete_an_apps_feeds()
    {
        var app = await server.CreateAppAsync();
        var created = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, $"operator/apps/{app.Id}/feeds",
            new { name = "Orders", callbackUrl = "https://hooks.example/feeds" }), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{24}$", id);
        Assert.Equal(app.Id, created["appId"]!.GetValue<string>());
        Assert.Equal("Orders", created["name"]!.GetValue<string>());
        Assert.Equal("https://hooks.example/feeds", created["callbackUrl"]!.GetValue<string>());
        Assert.StartsWith("Basic ", created["callbackAuthorization"]!.GetValue<string>());
        Assert.StartsWith("whsec_", created["callbackSigningSecret"]!.GetValue<string>());
        Assert.True(created["apiKey"]!.GetValue<string>().Length >= 32);

        var list = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Get, $"operator/apps/{app.Id}/feeds"), HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(list.AsArray())!["id"]!.GetValue<string>());

        var changed = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}/feeds/{id}",
            new { name = "Orders 2", callbackUrl = (string?)null }), HttpStatusCode.OK);
        Assert.Equal("Orders 2", changed["name"]!.GetValue<string>());
        Assert.Null(changed["callbackUrl"]);

        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Delete, $"operator/apps/{app.Id}/feeds/{id}"), HttpStatusCode.NoContent);
        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Get, $"operator/apps/{app.Id}/feeds/{id}"), HttpStatusCode.NotFound, """{"status":"error","message":"Feed not found"}""");
        var gone = await server.Http.CallAsync(FeedApi.WithKey(HttpMethod.Get, $"channels/{id}/subscriptions", created["apiKey"]!.GetValue<string>()), HttpStatusCode.NotFound);
        Assert.Equal("Channel not found", gone["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_rotate_the_key_so_the_old_one_stops_working()
    {
        var feed = await server.CreateFeedAsync(await server.CreateAppAsync());

        var rotated = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, $"operator/apps/{feed.AppId}/feeds/{feed.Id}/rotate-key"), HttpStatusCode.OK);
        var key = rotated["apiKey"]!.GetValue<string>();

        Assert.NotEqual(feed.ApiKey, key);
        await server.Http.CallAsync(feed.Channel(HttpMethod.Get, "subscriptions"), HttpStatusCode.Unauthorized, """{"statusCode":401,"message":"Channel api key is no valid.","error":"Unauthorized"}""");
        await server.Http.CallAsync((feed with { ApiKey = key }).Channel(HttpMethod.Get, "subscriptions"), HttpStatusCode.OK);
        var secrets = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, $"operator/apps/{feed.AppId}/feeds/{feed.Id}/rotate-callback-secrets"), HttpStatusCode.OK);
        Assert.NotEqual(feed.CallbackAuthorization, secrets["callbackAuthorization"]!.GetValue<string>());
        Assert.NotEqual(feed.SigningSecret, secrets["callbackSigningSecret"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_bad_input_other_apps_and_missing_keys()
    {
        var app = await server.CreateAppAsync();
        var other = await server.CreateAppAsync("other");
        var feed = await server.CreateFeedAsync(app);

        var noName = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, $"operator/apps/{app.Id}/feeds", new { callbackUrl = "ftp://x" }), HttpStatusCode.BadRequest);
        Assert.Contains("callbackUrl must be an absolute http or https URL", noName["message"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(2, noName["message"]!.AsArray().Count);
        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, $"operator/apps/{app.Id}/feeds", "{nope"), HttpStatusCode.BadRequest, """{"status":"error","message":["Request body must be valid JSON"]}""");
        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, "operator/apps/nope/feeds", new { name = "x" }), HttpStatusCode.NotFound, """{"status":"error","message":"App not found"}""");
        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Get, $"operator/apps/{other.Id}/feeds/{feed.Id}"), HttpStatusCode.NotFound, """{"status":"error","message":"Feed not found"}""");
        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Delete, $"operator/apps/{other.Id}/feeds/{feed.Id}"), HttpStatusCode.NotFound, """{"status":"error","message":"Feed not found"}""");
        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Get, $"operator/apps/{app.Id}/feeds", key: "wrong"), HttpStatusCode.Unauthorized, """{"status":"error","message":"Invalid operator key"}""");
        await server.Http.CallAsync(feed.Channel(HttpMethod.Get, "subscriptions"), HttpStatusCode.OK);
    }
}
