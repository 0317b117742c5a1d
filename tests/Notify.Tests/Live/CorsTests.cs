using System.Net;
using Notify.Tests.Batch;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Live;

public sealed class CorsTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    private const string Shop = "https://shop.example";

    [Fact]
    public async Task Should_answer_a_preflight_on_a_user_facing_route_for_its_methods_and_headers()
    {
        using var response = await PreflightAsync("v3/notifications/123", "DELETE", "x-engagespot-api-key, x-engagespot-user-id, x-engagespot-user-signature");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Shop, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("GET, DELETE", Header(response, "Access-Control-Allow-Methods"));
        Assert.Contains("X-ENGAGESPOT-USER-SIGNATURE", Header(response, "Access-Control-Allow-Headers"));
        Assert.Contains("Origin", response.Headers.Vary);
    }

    [Theory]
    [InlineData("v3/notifications", "GET", "x-engagespot-api-secret")]
    [InlineData("v3/notifications", "POST", "x-engagespot-api-key")]
    [InlineData("v3/profile", "DELETE", "")]
    public async Task Should_refuse_a_preflight_for_a_secret_header_or_a_method_browsers_do_not_get(string path, string method, string headers)
    {
        using var response = await PreflightAsync(path, method, headers);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("v3/templates")]
    [InlineData("v3/users/u1")]
    [InlineData("messages.send")]
    [InlineData("operator/apps")]
    public async Task Should_answer_no_preflight_on_backend_routes(string path)
    {
        using var response = await PreflightAsync(path, "POST", "content-type");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Should_put_no_cors_headers_on_backend_answers()
    {
        var app = await server.CreateAppAsync();
        var request = app.Backend(HttpMethod.Get, "v3/templates");
        request.Headers.Add("Origin", Shop);
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Should_admit_any_origin_while_the_app_names_none()
    {
        var app = await server.CreateAppAsync();
        using var response = await server.Http.SendAsync(FromOrigin(app.AsUser("al", HttpMethod.Get, "v3/notifications"), "http://localhost:5173"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("http://localhost:5173", Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Should_admit_only_the_apps_origins_once_it_names_them()
    {
        var app = await server.CreateAppAsync();
        var set = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}",
            new { allowedOrigins = new[] { "https://SHOP.example/", "http://localhost:8080" } }), HttpStatusCode.OK);
        Assert.Equal("""["https://shop.example","http://localhost:8080"]""", set["allowedOrigins"]!.ToJsonString());
        await server.SendNotificationAsync(app, new { notification = new { title = "Hi" }, sendTo = new { recipients = new[] { "bo" } } });
        var id = (await server.WaitForInboxAsync(app, "bo", 1))["data"]![0]!["id"]!.GetValue<long>();

        using (var allowed = await server.Http.SendAsync(FromOrigin(app.AsUser("bo", HttpMethod.Get, "v3/notifications"), Shop)))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal(Shop, Header(allowed, "Access-Control-Allow-Origin"));
        }
        using (var refused = await server.Http.SendAsync(FromOrigin(app.AsUser("bo", HttpMethod.Delete, $"v3/notifications/{id}"), "https://evil.example")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
            Assert.Equal("""{"status":"error","message":"Origin not allowed for this app"}""", await refused.Content.ReadAsStringAsync());
        }
        await server.WaitForInboxAsync(app, "bo", 1);

        var cleared = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}", new { allowedOrigins = (string[]?)null }), HttpStatusCode.OK);
        Assert.Null(cleared["allowedOrigins"]);
    }

    [Fact]
    public async Task Should_refuse_an_origin_on_the_widget_api_that_the_app_does_not_name()
    {
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}", new { allowedOrigins = new[] { Shop } }), HttpStatusCode.OK);
        using var refused = await server.Http.SendAsync(FromOrigin(app.FrontGet("front/messages.list", "cy"), "https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        using var allowed = await server.Http.SendAsync(FromOrigin(app.FrontGet("front/messages.list", "cy"), Shop));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(Shop, Header(allowed, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("https://shop.example/path")]
    [InlineData("https://shop.example?x=1")]
    [InlineData("ftp://shop.example")]
    [InlineData("shop.example")]
    [InlineData("https://user@shop.example")]
    [InlineData("*")]
    public async Task Should_refuse_an_allowed_origin_that_is_not_an_origin(string origin)
    {
        var app = await server.CreateAppAsync();
        var refused = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}", new { allowedOrigins = new[] { origin } }), HttpStatusCode.BadRequest);
        Assert.Contains("allowedOrigins.0 must be an origin", refused.ToJsonString());
    }

    [Fact]
    public async Task Should_refuse_more_allowed_origins_than_the_cap()
    {
        var app = await server.CreateAppAsync();
        var many = Enumerable.Range(0, 51).Select(i => $"https://s{i}.example").ToArray();
        var refused = await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}", new { allowedOrigins = many }), HttpStatusCode.BadRequest);
        Assert.Contains("allowedOrigins must contain no more than 50 elements", refused.ToJsonString());
    }

    private Task<HttpResponseMessage> PreflightAsync(string path, string method, string headers)
    {
        var request = FromOrigin(TestApi.Request(HttpMethod.Options, path), Shop);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (headers.Length > 0) request.Headers.Add("Access-Control-Request-Headers", headers);
        return server.Http.SendAsync(request);
    }

    private static HttpRequestMessage FromOrigin(HttpRequestMessage request, string origin)
    {
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static string Header(HttpResponseMessage response, string name) => string.Join(", ", response.Headers.GetValues(name));
}
