using System.Net;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Operator;

public sealed class OperatorApiTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_create_read_and_configure_an_app()
    {
        var app = await server.CreateAppAsync("shop");

        var read = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Get, $"operator/apps/{app.Id}"), HttpStatusCode.OK);
        Assert.Equal("shop", read["name"]!.GetValue<string>());
        Assert.Equal(app.ApiKey, read["apiKey"]!.GetValue<string>());
        Assert.False(read["hmacRequired"]!.GetValue<bool>());

        var patched = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}", new { name = "shop 2", hmacRequired = true }), HttpStatusCode.OK);
        Assert.Equal("shop 2", patched["name"]!.GetValue<string>());
        Assert.True(patched["hmacRequired"]!.GetValue<bool>());
        Assert.True((await server.Http.CallAsync(TestApi.Operator(HttpMethod.Get, $"operator/apps/{app.Id}"), HttpStatusCode.OK))["hmacRequired"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Should_rotate_the_secret_so_the_old_one_stops_working()
    {
        var app = await server.CreateAppAsync();

        var rotated = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, $"operator/apps/{app.Id}/rotate-secret"), HttpStatusCode.OK);
        var newSecret = rotated["apiSecret"]!.GetValue<string>();

        Assert.NotEqual(app.ApiSecret, newSecret);
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/users", new { identifier = "u" }), HttpStatusCode.Unauthorized, """{"status":"error","message":"Invalid API key or secret"}""");
        await server.Http.CallAsync((app with { ApiSecret = newSecret }).Backend(HttpMethod.Post, "v3/users", new { identifier = "u" }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Should_refuse_bad_options_and_unknown_apps()
    {
        var app = await server.CreateAppAsync();

        var badKey = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}", new { signingPublicKeyPem = "not a key" }), HttpStatusCode.BadRequest);
        Assert.Equal("signingPublicKeyPem must be a PEM-encoded RSA public key", badKey["message"]![0]!.GetValue<string>());
        var badFlag = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}", new { hmacRequired = "yes" }), HttpStatusCode.BadRequest);
        Assert.Equal("hmacRequired must be a boolean value", badFlag["message"]![0]!.GetValue<string>());
        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Get, "operator/apps/nope"), HttpStatusCode.NotFound, """{"status":"error","message":"App not found"}""");
        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Post, "operator/apps/nope/rotate-secret"), HttpStatusCode.NotFound, """{"status":"error","message":"App not found"}""");
        Assert.False((await server.Http.CallAsync(TestApi.Operator(HttpMethod.Get, $"operator/apps/{app.Id}"), HttpStatusCode.OK))["hmacRequired"]!.GetValue<bool>());
    }
}
