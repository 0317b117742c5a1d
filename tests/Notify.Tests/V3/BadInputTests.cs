using System.Net;
using System.Text.Json.Nodes;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.V3;

public sealed class BadInputTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    public static TheoryData<string, string> InvalidSends => new()
    {
        { "{not json", "Request body must be valid JSON" },
        { "[]", "notification must be an object" },
        { """{"recipients":["a"]}""", "notification must be an object" },
        { """{"notification":"hi","recipients":["a"]}""", "notification must be an object" },
        { """{"notification":{"title":5},"recipients":["a"]}""", "notification.title must be a string" },
        { """{"notification":{"message":"no title"},"recipients":["a"]}""", "notification.title should not be empty" },
        { """{"notification":{"title":"t"}}""", "sendTo.recipients should not be empty" },
        { """{"notification":{"title":"t"},"sendTo":{"recipients":"a"}}""", "recipients must be an array" },
        { """{"notification":{"title":"t"},"sendTo":{"recipients":[7]}}""", "sendTo.recipients.0 must be a string or an object" },
        { """{"notification":{"title":"t"},"sendTo":{"recipients":[{"email":"x@y"}]}}""", "identifier should not be empty" },
        { """{"notification":{"title":"t","data":[1]},"recipients":["a"]}""", "notification.data must be an object" },
        { $$"""{"notification":{"title":"{{new string('x', 1001)}}"},"recipients":["a"]}""", "notification.title must be shorter than or equal to 1000 characters" },
        { $$"""{"notification":{"title":"t"},"recipients":["{{new string('x', 257)}}"]}""", "sendTo.recipients.0 must be shorter than or equal to 256 characters" },
    };

    [Theory]
    [MemberData(nameof(InvalidSends))]
    public async Task Should_answer_400_with_the_reason_for_an_invalid_send(string body, string expected)
    {
        var app = await server.CreateAppAsync();

        var answer = await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/notifications", body), HttpStatusCode.BadRequest);

        Assert.Equal("error", answer["status"]!.GetValue<string>());
        Assert.Contains(answer["message"]!.AsArray(), m => m!.GetValue<string>().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_refuse_more_recipients_than_the_limit()
    {
        var app = await server.CreateAppAsync();
        var body = new { notification = new { title = "t" }, recipients = Enumerable.Range(0, 10_001).Select(i => $"u{i}") };

        var answer = await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/notifications", body), HttpStatusCode.BadRequest);

        Assert.Contains(answer["message"]!.AsArray(), m => m!.GetValue<string>() == "recipients must contain no more than 10000 elements");
    }

    [Fact]
    public async Task Should_answer_413_for_an_oversized_body()
    {
        var app = await server.CreateAppAsync();
        var body = $$"""{"notification":{"title":"t","message":"{{new string('x', 5 * 1024 * 1024)}}"},"recipients":["a"]}""";

        var answer = await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/notifications", body), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("error", answer["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("v3/notifications?limit=101", "limit must not be greater than 100")]
    [InlineData("v3/notifications?limit=0", "limit must be a positive integer")]
    [InlineData("v3/notifications?pageNo=abc", "pageNo must be a positive integer")]
    [InlineData("v3/notifications/not-a-number", "id must be a positive integer")]
    public async Task Should_answer_400_for_bad_inbox_queries(string path, string expected)
    {
        var app = await server.CreateAppAsync();

        var answer = await server.Http.CallAsync(app.AsUser("u", HttpMethod.Get, path), HttpStatusCode.BadRequest);

        Assert.Equal([expected], answer["message"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_leave_a_profile_unchanged_when_an_update_is_invalid()
    {
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/users", new { identifier = "pat", profile = new { name = "Pat" } }), HttpStatusCode.Created);

        await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/pat", "[1,2]"), HttpStatusCode.BadRequest, """{"status":"error","message":["profile must be an object"]}""");
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/users", new { identifier = 5 }), HttpStatusCode.BadRequest, """{"status":"error","message":["identifier must be a string"]}""");
        await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/pat", new { bio = new string('x', 31_000) }), HttpStatusCode.BadRequest, """{"status":"error","message":["profile must be shorter than or equal to 30000 characters as JSON"]}""");
        await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/pat", new { name = (string?)null, a = new string('x', 20_000) }), HttpStatusCode.OK);
        await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/pat", new { b = new string('x', 20_000) }), HttpStatusCode.BadRequest, """{"status":"error","message":["profile must be shorter than or equal to 30000 characters as JSON"]}""");
        await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/pat", new { a = (string?)null, name = "Pat" }), HttpStatusCode.OK);

        var user = await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/pat", new JsonObject()), HttpStatusCode.OK);
        Assert.Equal("""{"name":"Pat"}""", user["profile"]!.ToJsonString());
    }

    [Fact]
    public async Task Should_keep_the_operator_api_closed_without_the_operator_key()
    {
        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, "operator/apps", new { name = "x" }, key: "wrong"), HttpStatusCode.Unauthorized, """{"status":"error","message":"Invalid operator key"}""");
        var missing = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, "operator/apps", new { }), HttpStatusCode.BadRequest);
        Assert.Equal("name should not be empty", missing["message"]![0]!.GetValue<string>());
    }
}
