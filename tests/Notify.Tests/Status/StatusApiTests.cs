using System.Net;
using System.Text.Json.Nodes;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Status;

public sealed class StatusApiTests(StatusServer server) : IClassFixture<StatusServer>
{
    private const string IsoTime = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$";

    [Fact]
    public async Task Should_create_a_survey_and_read_every_receiver_in_the_documented_shape()
    {
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/ann",
            new { firstName = "Ann", lastName = "Lee", photoURL = "https://img.test/ann.png", email = "ann@example.com", country = "RO" }), HttpStatusCode.OK);

        var created = await server.CreateRequestAsync(app, new
        {
            type = "SURVEY", title = "Lunch?", content = "Pizza on Friday", name = "lunch poll", level = 2,
            receivers = new[] { "ann", "ben" }, submit_text = "Yes", close_text = "No",
        });
        var id = created["id"]!.GetValue<string>();
        var read = await server.WaitUntilCompletedAsync(app, id);

        Assert.Contains((string)created["status"]!, new[] { "SENDING", "COMPLETED" });
        Assert.Equal(id, read["id"]!.GetValue<string>());
        Assert.Equal("SURVEY", (string)read["type"]!);
        Assert.Equal("Lunch?", (string)read["title"]!);
        Assert.Equal("Pizza on Friday", (string)read["content"]!);
        Assert.Equal("lunch poll", (string)read["name"]!);
        Assert.Equal(2, (int)read["level"]!);
        Assert.Equal(0, (int)read["open_count"]!);
        Assert.Matches(IsoTime, (string)read["send_at"]!);
        Assert.Equal(["ann", "ben"], read["receivers"].Strings());
        Assert.Equal($$"""[{"id":"1","type":"SUBMIT","text":"Yes","request_id":"{{id}}"},{"id":"2","type":"CLOSE","text":"No","request_id":"{{id}}"}]""",
            read["actions"]!.ToJsonString());
        Assert.Equal("""{"total_count":2,"page_count":1,"current_count":2,"current_page":1}""", read["notifications"]!["meta"]!.ToJsonString());

        var ann = read.ItemOf("ann");
        var inboxItem = await server.InboxItemAsync(app, "ann", "Lunch?");
        Assert.Equal(inboxItem["id"]!.GetValue<long>().ToString(), (string)ann["id"]!);
        Assert.Equal(app.Id, (string)ann["application_id"]!);
        Assert.Equal("survey", (string)ann["type"]!);
        Assert.Equal(2, (int)ann["level"]!);
        Assert.Matches(IsoTime, (string)ann["created_at"]!);
        Assert.False((bool)ann["opened"]!);
        Assert.False((bool)ann["responded"]!);
        Assert.False((bool)ann["deleted"]!);
        Assert.False((bool)ann["in_device"]!);
        Assert.Null(ann["opened_at"]);
        Assert.Null(ann["device"]);
        Assert.Equal("""{"code":"RO","name":"Romania"}""", ann["country"]!.ToJsonString());
        Assert.Equal("""{"account":{"id":"ann","first_name":"Ann","last_name":"Lee","image":"https://img.test/ann.png","is_active":true},"id":"ann","email":"ann@example.com"}""",
            ann["user"]!.ToJsonString());
        Assert.Null(read.ItemOf("ben")["country"]);
    }

    [Fact]
    public async Task Should_list_requests_newest_first_in_pages()
    {
        var app = await server.CreateAppAsync();
        var ids = new List<string>();
        foreach (var title in new[] { "first", "second", "third" })
            ids.Add((string)(await server.CreateRequestAsync(app, new { type = "SIMPLE", title, content = "c", receivers = new[] { "u" } }))["id"]!);

        var first = await server.Http.CallAsync(app.Status(HttpMethod.Get, "v1/notifications?page=1&limit=2"), HttpStatusCode.OK);
        var second = await server.Http.CallAsync(app.Status(HttpMethod.Get, "v1/notifications?page=2&limit=2"), HttpStatusCode.OK);

        Assert.Equal("api.application.notification.list", (string)first["type"]!);
        Assert.Equal(["third", "second"], first["result"]!.AsArray().Select(r => (string)r!["title"]!));
        Assert.Equal([ids[0]], second["result"]!.AsArray().Select(r => (string)r!["id"]!));
        Assert.Equal("""{"total_count":3,"page_count":2,"current_count":2,"current_page":1}""", first["meta"]!.ToJsonString());
        Assert.Equal("""{"total_count":3,"page_count":2,"current_count":1,"current_page":2}""", second["meta"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"title":"t","content":"c","receivers":["u"]}""", "type is required")]
    [InlineData("""{"type":"POLL","title":"t","content":"c","receivers":["u"]}""", "type must be one of SIMPLE, SURVEY, RADIO, CHECKBOX")]
    [InlineData("""{"type":"SIMPLE","title":"012345678901234567890123456789012345678901234567890","content":"c","receivers":["u"]}""", "title must be at most 50 characters")]
    [InlineData("""{"type":"SIMPLE","title":"t","content":"c"}""", "receivers, broadcast or groups must name someone to notify")]
    [InlineData("""{"type":"RADIO","title":"t","content":"c","receivers":["u"]}""", "radio is required for type RADIO")]
    [InlineData("""{"type":"RADIO","title":"t","content":"c","receivers":["u"],"radio":[{"text":"a"}]}""", "radio must hold 2 to 10 items")]
    [InlineData("""{"type":"RADIO","title":"t","content":"c","receivers":["u"],"radio":[{"text":"a","selected":true},{"text":"b","selected":true}]}""", "radio may have at most one selected item")]
    [InlineData("""{"type":"SURVEY","title":"t","content":"c","receivers":["u"],"checkbox":[{"text":"a"},{"text":"b"}]}""", "checkbox is only allowed for type CHECKBOX")]
    [InlineData("""{"type":"SIMPLE","title":"t","content":"c","receivers":["u"],"close_text":"sixteen letters!"}""", "close_text must be at most 15 characters")]
    [InlineData("""{"type":"SIMPLE","title":"t","content":"c","receivers":["u"],"send_at":"tomorrow"}""", "send_at must be Unix seconds or \"now\"")]
    [InlineData("""{"type":"SIMPLE","title":"t","content":"c","groups":[4242]}""", "group 4242 does not exist")]
    [InlineData("""{"type":"SIMPLE","title":"t","content":"c","groups":["x"]}""", "each of groups must be a positive integer")]
    [InlineData("""{"type":"SIMPLE","title":"t","content":"c","receivers":[7]}""", "each of receivers must be a string")]
    [InlineData("""[1]""", "body must be a JSON object")]
    [InlineData("""{"type":""", "body must be valid JSON")]
    public async Task Should_refuse_a_bad_request_in_the_error_envelope(string body, string message)
    {
        var app = await server.CreateAppAsync();

        var error = await server.Http.CallAsync(app.Status(HttpMethod.Post, "v1/notifications", body), HttpStatusCode.BadRequest);

        Assert.Equal(new JsonObject { ["code"] = "DATA.INVALID", ["ns"] = "DATA", ["message"] = message, ["status"] = 400 }.ToJsonString(),
            error["error"]!.ToJsonString());
    }

    [Fact]
    public async Task Should_answer_unknown_ids_bad_paging_and_missing_credentials_in_the_error_envelope()
    {
        var app = await server.CreateAppAsync();

        var missing = await server.Http.CallAsync(app.Status(HttpMethod.Get, "v1/notifications/0190d3a4-0000-7000-8000-000000000000"), HttpStatusCode.NotFound);
        var notAnId = await server.Http.CallAsync(app.Status(HttpMethod.Post, "v1/notifications/not-an-id/cancel"), HttpStatusCode.NotFound);
        var badPage = await server.Http.CallAsync(app.Status(HttpMethod.Get, "v1/notifications?page=0"), HttpStatusCode.BadRequest);
        var badLimit = await server.Http.CallAsync(app.Status(HttpMethod.Get, "v1/notifications?limit=101"), HttpStatusCode.BadRequest);
        var anonymous = await server.Http.CallAsync(TestApi.Request(HttpMethod.Get, "v1/notifications"), HttpStatusCode.Unauthorized);

        Assert.Equal("""{"error":{"code":"NOTIFICATION.NOT_FOUND","ns":"NOTIFICATION","message":"Notification not found","status":404}}""", missing.ToJsonString());
        Assert.Equal(missing.ToJsonString(), notAnId.ToJsonString());
        Assert.Equal("page must be an integer from 1 to 21474836", (string)badPage["error"]!["message"]!);
        Assert.Equal("limit must be an integer from 1 to 100", (string)badLimit["error"]!["message"]!);
        Assert.Equal("""{"error":{"code":"AUTH.UNAUTHORIZED","ns":"AUTH","message":"Missing or invalid application API key","status":401}}""", anonymous.ToJsonString());
    }

    [Fact]
    public async Task Should_accept_the_secret_as_bearer_or_key_and_secret_headers_but_never_the_public_key_alone()
    {
        var app = await server.CreateAppAsync();
        var headers = TestApi.Request(HttpMethod.Get, "v1/notifications");
        headers.Headers.Add("X-Api-Key", app.ApiKey);
        headers.Headers.Add("X-Api-Secret", app.ApiSecret);
        var publicKey = TestApi.Request(HttpMethod.Get, "v1/notifications");
        publicKey.Headers.Authorization = new("Bearer", app.ApiKey);
        var wrongSecret = TestApi.Request(HttpMethod.Get, "v1/notifications");
        wrongSecret.Headers.Add("X-Api-Key", app.ApiKey);
        wrongSecret.Headers.Add("X-Api-Secret", "nope");

        await server.Http.CallAsync(headers, HttpStatusCode.OK);
        await server.Http.CallAsync(publicKey, HttpStatusCode.Unauthorized, """{"error":{"code":"AUTH.UNAUTHORIZED","ns":"AUTH","message":"Missing or invalid application API key","status":401}}""");
        await server.Http.CallAsync(wrongSecret, HttpStatusCode.Unauthorized, """{"error":{"code":"AUTH.UNAUTHORIZED","ns":"AUTH","message":"Missing or invalid application API key","status":401}}""");
        var rotated = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, $"operator/apps/{app.Id}/rotate-secret"), HttpStatusCode.OK);
        await server.Http.CallAsync(app.Status(HttpMethod.Get, "v1/notifications"), HttpStatusCode.Unauthorized, """{"error":{"code":"AUTH.UNAUTHORIZED","ns":"AUTH","message":"Missing or invalid application API key","status":401}}""");
        await server.Http.CallAsync((app with { ApiSecret = (string)rotated["apiSecret"]! }).Status(HttpMethod.Get, "v1/notifications"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_never_show_or_change_another_apps_requests()
    {
        var owner = await server.CreateAppAsync("owner");
        var other = await server.CreateAppAsync("other");
        var id = (string)(await server.CreateRequestAsync(owner, new { type = "SIMPLE", title = "Mine", content = "c", receivers = new[] { "u" } }))["id"]!;
        var plainSend = await server.SendNotificationAsync(owner, new { notification = new { title = "Plain" }, sendTo = new { recipients = new[] { "u" } } });

        await server.Http.CallAsync(other.Status(HttpMethod.Get, $"v1/notifications/{id}"), HttpStatusCode.NotFound, """{"error":{"code":"NOTIFICATION.NOT_FOUND","ns":"NOTIFICATION","message":"Notification not found","status":404}}""");
        await server.Http.CallAsync(other.Status(HttpMethod.Post, $"v1/notifications/{id}/cancel"), HttpStatusCode.NotFound, """{"error":{"code":"NOTIFICATION.NOT_FOUND","ns":"NOTIFICATION","message":"Notification not found","status":404}}""");
        await server.Http.CallAsync(other.Status(HttpMethod.Delete, $"v1/notifications/{id}"), HttpStatusCode.NotFound, """{"error":{"code":"NOTIFICATION.NOT_FOUND","ns":"NOTIFICATION","message":"Notification not found","status":404}}""");
        var otherList = await server.Http.CallAsync(other.Status(HttpMethod.Get, "v1/notifications"), HttpStatusCode.OK);
        await server.Http.CallAsync(owner.Status(HttpMethod.Get, $"v1/notifications/{plainSend}"), HttpStatusCode.NotFound, """{"error":{"code":"NOTIFICATION.NOT_FOUND","ns":"NOTIFICATION","message":"Notification not found","status":404}}""");

        Assert.Empty(otherList["result"]!.AsArray());
        Assert.Equal("Mine", (string)(await server.ReadRequestAsync(owner, id))["title"]!);
    }
}
