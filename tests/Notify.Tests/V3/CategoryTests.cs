using System.Net;
using Notify.Tests.Infrastructure;
using Notify.Core.Faces.V3;

namespace Notify.Tests.V3;

public sealed class CategoryTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_create_at_both_paths_and_list_to_a_user()
    {
        var app = await server.CreateAppAsync();
        var first = await server.Http.CallAsync(
            app.Backend(HttpMethod.Post, "v3/categories", new { identifier = "comment_replies", name = "Comment Replies" }), HttpStatusCode.Created);
        var second = await server.Http.CallAsync(
            app.Backend(HttpMethod.Post, "v3/notifications/categories", new { identifier = "billing", name = "Billing" }), HttpStatusCode.Created);

        var list = await server.Http.CallAsync(app.AsUser("u", HttpMethod.Get, "v3/categories"), HttpStatusCode.OK);

        Assert.Equal(1, first["id"]!.GetValue<int>());
        Assert.Equal(2, second["id"]!.GetValue<int>());
        Assert.Equal(
            """[{"id":1,"name":"Comment Replies","identifier":"comment_replies"},{"id":2,"name":"Billing","identifier":"billing"}]""",
            list.ToJsonString());
    }

    [Fact]
    public async Task Should_accept_the_secret_key_header_the_category_docs_name()
    {
        var app = await server.CreateAppAsync();
        var request = TestApi.Request(HttpMethod.Post, "v3/categories", new { identifier = "docs", name = "Docs" });
        request.Headers.Add(V3Headers.ApiKey, app.ApiKey);
        request.Headers.Add(V3Headers.SecretKey, app.ApiSecret);

        await server.Http.CallAsync(request, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Should_refuse_a_taken_identifier_and_keep_ids_unique_under_concurrency()
    {
        var app = await server.CreateAppAsync();
        await server.CreateCategoryAsync(app, "dup");

        var error = await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/categories", new { identifier = "dup", name = "Again" }), HttpStatusCode.Conflict);
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => server.CreateCategoryAsync(app, $"c{i}")));

        Assert.Equal("error", error["status"]!.GetValue<string>());
        Assert.Equal(8, ids.Distinct().Count());
    }

    [Fact]
    public async Task Should_delete_at_both_paths()
    {
        var app = await server.CreateAppAsync();
        var one = await server.CreateCategoryAsync(app, "one");
        var two = await server.CreateCategoryAsync(app, "two");

        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, $"v3/categories/{one}"), HttpStatusCode.OK);
        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, $"v3/notifications/categories/{two}"), HttpStatusCode.OK);

        var list = await server.Http.CallAsync(app.AsUser("u", HttpMethod.Get, "v3/categories"), HttpStatusCode.OK);
        Assert.Empty(list.AsArray());
        var missing = await server.Http.CallAsync(app.Backend(HttpMethod.Delete, $"v3/categories/{one}"), HttpStatusCode.NotFound);
        Assert.Equal("Category not found", missing["message"]!.GetValue<string>());
        await server.CreateCategoryAsync(app, "one");
    }

    [Fact]
    public async Task Should_validate_and_guard_the_backend_calls()
    {
        var app = await server.CreateAppAsync();

        var invalid = await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/categories", new { name = 5 }), HttpStatusCode.BadRequest);
        await server.Http.CallAsync(app.AsUser("u", HttpMethod.Post, "v3/categories", new { identifier = "x", name = "x" }), HttpStatusCode.Unauthorized, """{"status":"error","message":"No auth params (or combination of params) were found in the request"}""");
        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/categories/abc"), HttpStatusCode.BadRequest, """{"status":"error","message":["id must be a positive integer"]}""");

        Assert.Contains("identifier should not be empty", invalid["message"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_refuse_a_send_naming_an_unknown_category()
    {
        var app = await server.CreateAppAsync();

        var error = await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/notifications",
            new { notification = new { title = "Hi", category = "ghost" }, sendTo = new { recipients = new[] { "u" } } }), HttpStatusCode.BadRequest);

        Assert.Equal(["category ghost does not exist"], error["message"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_filter_the_inbox_by_category()
    {
        var app = await server.CreateAppAsync();
        await server.CreateCategoryAsync(app, "billing");
        await server.SendNotificationAsync(app, new { notification = new { title = "Invoice", category = "billing" }, sendTo = new { recipients = new[] { "fil" } } });
        await server.SendNotificationAsync(app, new { notification = new { title = "Hello" }, sendTo = new { recipients = new[] { "fil" } } });
        await server.WaitForInboxAsync(app, "fil", 2);

        var billing = await server.Http.CallAsync(app.AsUser("fil", HttpMethod.Get, "v3/notifications?category=billing"), HttpStatusCode.OK);

        var item = Assert.Single(billing["data"]!.AsArray());
        Assert.Equal("Invoice", item!["title"]!.GetValue<string>());
        Assert.Equal("billing", item["category"]!.GetValue<string>());
        Assert.Equal(1, billing["pagination"]!["totalCount"]!.GetValue<int>());
    }
}
