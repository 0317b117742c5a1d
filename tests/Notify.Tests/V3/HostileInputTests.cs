using System.Net;
using System.Text.Json.Nodes;
using Notify.Tests.Infrastructure;
using Notify.Core.Faces.V3;

namespace Notify.Tests.V3;

/// <summary>Input that once reached storage or a handler unchecked: each must get a 4xx and change nothing.</summary>
public sealed class HostileInputTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Theory]
    [InlineData("v3/notifications", """{"notification":{"title":"\ud800"},"recipients":["a"]}""")]
    [InlineData("v3/notifications", """{"notification":{"title":"t","title":"u"},"recipients":["a"]}""")]
    [InlineData("v3/users", """{"identifier":"\udc00x"}""")]
    [InlineData("v3/users", """{"identifier":"x","identifier":"y"}""")]
    public async Task Should_refuse_json_that_is_not_valid_text_or_repeats_a_key(string path, string body)
    {
        var app = await server.CreateAppAsync();

        var answer = await server.Http.CallAsync(app.Backend(HttpMethod.Post, path, body), HttpStatusCode.BadRequest);

        Assert.Equal("Request body must be valid JSON", answer["message"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_a_send_to_that_is_not_an_object()
    {
        var app = await server.CreateAppAsync();

        var answer = await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/notifications", """{"notification":{"title":"t"},"sendTo":"x"}"""), HttpStatusCode.BadRequest);

        Assert.Contains(answer["message"]!.AsArray(), m => m!.GetValue<string>() == "sendTo must be an object");
    }

    [Fact]
    public async Task Should_refuse_preference_channels_that_are_not_objects()
    {
        var app = await server.CreateAppAsync();
        var body = """{"preference":[{"categoryId":1,"channels":["email"]}]}""";

        var answer = await server.Http.CallAsync(app.AsUser("u", HttpMethod.Patch, "v3/preferences", body), HttpStatusCode.BadRequest);

        Assert.Contains(answer["message"]!.AsArray(), m => m!.GetValue<string>() == "preference.0.channels.0 must be an object");
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("key?x=1")]
    public async Task Should_answer_401_for_api_keys_no_app_could_have(string apiKey)
    {
        var request = TestApi.Request(HttpMethod.Get, "v3/notifications");
        request.Headers.Add(V3Headers.ApiKey, apiKey);
        request.Headers.Add(V3Headers.UserId, "u");

        var answer = await server.Http.CallAsync(request, HttpStatusCode.Unauthorized);

        Assert.Equal("Invalid API key", answer["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_stop_a_json_patch_that_doubles_the_profile_again_and_again()
    {
        var app = await server.CreateAppAsync();
        var operations = new JsonArray(new JsonObject { ["op"] = "add", ["path"] = "/a", ["value"] = new JsonArray("xxxxxxxxxx") });
        for (var i = 0; i < 40; i++) operations.Add(new JsonObject { ["op"] = "copy", ["from"] = "/a", ["path"] = "/a/-" });

        var answer = await server.Http.CallAsync(app.AsUser("pat", HttpMethod.Patch, "v3/profile", operations.ToJsonString()), HttpStatusCode.BadRequest);

        Assert.Contains("profile must be shorter than", answer["message"]![0]!.GetValue<string>());
        var profile = await server.Http.CallAsync(app.AsUser("pat", HttpMethod.Get, "v3/profile"), HttpStatusCode.OK);
        Assert.Null(profile["profile"]?["a"]);
    }

    [Fact]
    public async Task Should_keep_delivering_when_inline_profiles_would_outgrow_the_stored_one()
    {
        var app = await server.CreateAppAsync();
        for (var i = 0; i < 6; i++)
            await server.SendNotificationAsync(app, new
            {
                notification = new { title = $"grow {i}" },
                sendTo = new { recipients = new[] { new JsonObject { ["identifier"] = "grow", [$"field{i}"] = new string('x', 7_500) } } },
            });

        var inbox = await server.WaitForInboxAsync(app, "grow", 6);

        Assert.Equal(6, inbox["data"]!.AsArray().Count);
        await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/grow", new { small = 1 }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_reach_a_user_whose_identifier_holds_a_slash()
    {
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/users", new { identifier = "team/ana", profile = new { name = "Ana" } }), HttpStatusCode.Created);

        var updated = await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/team%2Fana", new { plan = "pro" }), HttpStatusCode.OK);
        Assert.Equal("team/ana", updated["identifier"]!.GetValue<string>());
        Assert.Equal("Ana", updated["profile"]!["name"]!.GetValue<string>());

        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/users/team%2Fana"), HttpStatusCode.OK);
        await server.Http.CallAsync(app.Backend(HttpMethod.Delete, "v3/users/team%2Fana"), HttpStatusCode.NotFound, """{"status":"error","message":"User not found"}""");
    }

    [Fact]
    public async Task Should_refuse_an_empty_user_identifier_from_the_backend()
    {
        var app = await server.CreateAppAsync();

        var answer = await server.Http.CallAsync(app.Backend(HttpMethod.Get, "v3/notifications?userIdentifier="), HttpStatusCode.BadRequest);

        Assert.Equal("userIdentifier should not be empty", answer["message"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_authenticate_a_patch_click_before_reading_its_body()
    {
        await server.Http.CallAsync(TestApi.Request(HttpMethod.Patch, "v3/notifications/1/click", "not json"), HttpStatusCode.Unauthorized, """{"status":"error","message":"No auth params (or combination of params) were found in the request"}""");
    }
}
