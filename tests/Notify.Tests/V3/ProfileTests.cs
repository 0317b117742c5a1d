using System.Net;
using System.Text.Json.Nodes;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.V3;

public sealed class ProfileTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_give_an_empty_profile_to_a_user_never_seen()
    {
        var app = await server.CreateAppAsync();

        var profile = await server.Http.CallAsync(app.AsUser("nobody", HttpMethod.Get, "v3/profile"), HttpStatusCode.OK);

        Assert.Equal("nobody", profile["identifier"]!.GetValue<string>());
        Assert.Empty(profile["profile"]!.AsObject());
    }

    [Fact]
    public async Task Should_merge_a_put_into_the_stored_profile()
    {
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(app.AsUser("jack", HttpMethod.Put, "v3/profile", new { name = "Jack", plan = "free" }), HttpStatusCode.OK);

        await server.Http.CallAsync(app.AsUser("jack", HttpMethod.Put, "v3/profile", new { email = "jack@titanic.com", plan = "pro" }), HttpStatusCode.OK);

        var profile = (await GetProfileAsync(app, "jack"))["profile"]!;
        Assert.Equal("Jack", profile["name"]!.GetValue<string>());
        Assert.Equal("pro", profile["plan"]!.GetValue<string>());
        Assert.Equal("jack@titanic.com", profile["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_apply_a_json_patch()
    {
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(app.AsUser("rose", HttpMethod.Put, "v3/profile", new { name = "Rose", tags = new[] { "a" }, old = 1 }), HttpStatusCode.OK);

        await server.Http.CallAsync(app.AsUser("rose", HttpMethod.Patch, "v3/profile", new object[]
        {
            new { op = "test", path = "/name", value = "Rose" },
            new { op = "replace", path = "/name", value = "Rose D." },
            new { op = "add", path = "/tags/-", value = "b" },
            new { op = "remove", path = "/old" },
            new { op = "add", path = "/locale", value = "en-US" },
        }), HttpStatusCode.OK);

        var profile = (await GetProfileAsync(app, "rose"))["profile"]!;
        Assert.Equal("Rose D.", profile["name"]!.GetValue<string>());
        Assert.Equal(["a", "b"], profile["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Null(profile["old"]);
        Assert.Equal("en-US", profile["locale"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""[{"op":"replace","path":"/name","value":"Changed"},{"op":"test","path":"/name","value":"Someone else"}]""")]
    [InlineData("""[{"op":"replace","path":"/name","value":"Changed"},{"op":"remove","path":"/missing/deeper"}]""")]
    [InlineData("""[{"op":"replace","path":"/name","value":"Changed"},{"op":"frobnicate","path":"/name"}]""")]
    [InlineData("""[{"op":"replace","path":"name","value":"Changed"}]""")]
    [InlineData("""[{"op":"replace","path":"/name"}]""")]
    [InlineData("""{"op":"replace","path":"/name","value":"Changed"}""")]
    [InlineData("""[{"op":"replace","path":"/email","value":"not-an-email"}]""")]
    public async Task Should_reject_a_patch_that_cannot_apply_and_leave_the_profile_unchanged(string patch)
    {
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(app.AsUser("cal", HttpMethod.Put, "v3/profile", new { name = "Cal", email = "cal@example.com" }), HttpStatusCode.OK);

        var error = await server.Http.CallAsync(app.AsUser("cal", HttpMethod.Patch, "v3/profile", patch), HttpStatusCode.BadRequest);

        Assert.Equal("error", error["status"]!.GetValue<string>());
        Assert.NotEmpty(error["message"]!.AsArray());
        var profile = (await GetProfileAsync(app, "cal"))["profile"]!;
        Assert.Equal("Cal", profile["name"]!.GetValue<string>());
        Assert.Equal("cal@example.com", profile["email"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("email", "nope")]
    [InlineData("phoneNumber", "555-1234")]
    [InlineData("locale", "english please")]
    [InlineData("timezone", "Mars/Olympus_Mons")]
    [InlineData("timezone", 5)]
    public async Task Should_validate_the_reserved_fields_delivery_uses(string field, object value)
    {
        var app = await server.CreateAppAsync();

        var error = await server.Http.CallAsync(app.AsUser("val", HttpMethod.Put, "v3/profile", new Dictionary<string, object> { [field] = value }),
            HttpStatusCode.BadRequest);

        Assert.StartsWith(field, error["message"]![0]!.GetValue<string>());
        var backend = await server.Http.CallAsync(app.Backend(HttpMethod.Put, "v3/users/val", new Dictionary<string, object> { [field] = value }), HttpStatusCode.BadRequest);
        Assert.Equal(error.ToJsonString(), backend.ToJsonString());
    }

    [Fact]
    public async Task Should_accept_valid_reserved_fields()
    {
        var app = await server.CreateAppAsync();

        var user = await server.Http.CallAsync(app.AsUser("ok", HttpMethod.Put, "v3/profile",
            new { email = "ok@example.com", phoneNumber = "+14155550123", locale = "de-DE", timezone = "Europe/Berlin" }), HttpStatusCode.OK);

        Assert.Equal("Europe/Berlin", user["profile"]!["timezone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_keep_every_write_of_concurrent_patches()
    {
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(app.AsUser("busy", HttpMethod.Put, "v3/profile", new { counter = 0 }), HttpStatusCode.OK);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => server.Http.CallAsync(app.AsUser("busy", HttpMethod.Patch, "v3/profile",
            new object[] { new { op = "add", path = $"/field{i}", value = i } }), HttpStatusCode.OK)));

        var profile = (await GetProfileAsync(app, "busy"))["profile"]!.AsObject();
        Assert.All(Enumerable.Range(0, 16), i => Assert.Equal(i, profile[$"field{i}"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Should_answer_401_without_user_credentials()
    {
        var error = await server.Http.CallAsync(TestApi.Request(HttpMethod.Get, "v3/profile"), HttpStatusCode.Unauthorized);

        Assert.Equal("error", error["status"]!.GetValue<string>());
        Assert.IsType<string>(error["message"]!.GetValue<string>());
    }

    private Task<JsonNode> GetProfileAsync(TestApp app, string userId) =>
        server.Http.CallAsync(app.AsUser(userId, HttpMethod.Get, "v3/profile"), HttpStatusCode.OK);
}
