using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Notify.Tests.Infrastructure;
using Notify.Core.Faces.V3;

namespace Notify.Tests.V3;

public sealed class AuthTests(NotifyServer server) : IClassFixture<NotifyServer>
{
    [Fact]
    public async Task Should_reject_a_send_without_credentials_in_the_v3_dialect()
    {
        var body = await server.Http.CallAsync(TestApi.Request(HttpMethod.Post, "v3/notifications", new { }), HttpStatusCode.Unauthorized);

        Assert.Equal("error", body["status"]!.GetValue<string>());
        Assert.Equal(V3ResultsNoAuth, body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_reject_a_wrong_secret_and_a_secret_of_another_app()
    {
        var app = await server.CreateAppAsync();
        var other = await server.CreateAppAsync();

        await server.Http.CallAsync((app with { ApiSecret = "wrong" }).Backend(HttpMethod.Post, "v3/users", new { identifier = "u" }), HttpStatusCode.Unauthorized, """{"status":"error","message":"Invalid API key or secret"}""");
        await server.Http.CallAsync((app with { ApiSecret = other.ApiSecret }).Backend(HttpMethod.Post, "v3/users", new { identifier = "u" }), HttpStatusCode.Unauthorized, """{"status":"error","message":"Invalid API key or secret"}""");
        await server.Http.CallAsync(app.Backend(HttpMethod.Post, "v3/users", new { identifier = "u" }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Should_require_a_valid_hmac_signature_when_the_app_demands_it()
    {
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}", new { hmacRequired = true }), HttpStatusCode.OK);

        await server.Http.CallAsync(app.AsUser("erin", HttpMethod.Get, "v3/notifications"), HttpStatusCode.Unauthorized, """{"status":"error","message":"Invalid user signature"}""");
        var wrong = app.AsUser("erin", HttpMethod.Get, "v3/notifications");
        wrong.Headers.Add(V3Headers.UserSignature, V3Authenticator.UserSignature(app.ApiSecret, "someone-else"));
        await server.Http.CallAsync(wrong, HttpStatusCode.Unauthorized, """{"status":"error","message":"Invalid user signature"}""");
        var signed = app.AsUser("erin", HttpMethod.Get, "v3/notifications");
        signed.Headers.Add(V3Headers.UserSignature, V3Authenticator.UserSignature(app.ApiSecret, "erin"));
        var inbox = await server.Http.CallAsync(signed, HttpStatusCode.OK);

        Assert.Equal(0, inbox["unreadCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_accept_an_rs256_user_token_and_reject_forged_foreign_and_expired_ones()
    {
        using var key = RSA.Create(2048);
        using var otherKey = RSA.Create(2048);
        var app = await server.CreateAppAsync();
        var other = await server.CreateAppAsync();
        foreach (var a in new[] { app, other })
            await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{a.Id}",
                new { signingPublicKeyPem = key.ExportSubjectPublicKeyInfoPem() }), HttpStatusCode.OK);
        await server.SendNotificationAsync(app, new { notification = new { title = "For frank" }, recipients = new[] { "frank" } });
        await server.WaitForInboxAsync(app, "frank", 1);

        var inbox = await server.Http.CallAsync(WithToken(Token(key, app.ApiKey, "frank")), HttpStatusCode.OK);
        Assert.Equal("For frank", inbox["data"]![0]!["title"]!.GetValue<string>());

        await server.Http.CallAsync(WithToken(Token(otherKey, app.ApiKey, "frank")), HttpStatusCode.Unauthorized, """{"status":"error","message":"Invalid user token"}""");
        await server.Http.CallAsync(WithToken(Token(key, other.ApiKey, "frank"), app.ApiKey), HttpStatusCode.Unauthorized, """{"status":"error","message":"Invalid user token"}""");
        await server.Http.CallAsync(WithToken(Token(key, app.ApiKey, "frank", DateTime.UtcNow.AddMinutes(-5))), HttpStatusCode.Unauthorized, """{"status":"error","message":"Invalid user token"}""");
        await server.Http.CallAsync(WithToken(Token(key, app.ApiKey, "frank")[..^4] + "AAAA"), HttpStatusCode.Unauthorized, """{"status":"error","message":"Invalid user token"}""");
    }

    [Fact]
    public async Task Should_refuse_plain_user_ids_when_secure_mode_is_required()
    {
        using var key = RSA.Create(2048);
        var app = await server.CreateAppAsync();
        await server.Http.CallAsync(TestApi.Operator(HttpMethod.Patch, $"operator/apps/{app.Id}",
            new { secureModeRequired = true, signingPublicKeyPem = key.ExportSubjectPublicKeyInfoPem() }), HttpStatusCode.OK);

        await server.Http.CallAsync(app.AsUser("gina", HttpMethod.Get, "v3/notifications"), HttpStatusCode.Unauthorized, """{"status":"error","message":"Secure mode is enabled for this app: send a user token in the Authorization header"}""");
        await server.Http.CallAsync(WithToken(Token(key, app.ApiKey, "gina")), HttpStatusCode.OK);
    }

    private const string V3ResultsNoAuth = Core.Faces.V3.V3Results.NoAuth;

    private static HttpRequestMessage WithToken(string token, string? apiKey = null)
    {
        var request = TestApi.Request(HttpMethod.Get, "v3/notifications");
        request.Headers.Authorization = new("Bearer", token);
        if (apiKey is not null) request.Headers.Add(V3Headers.ApiKey, apiKey);
        return request;
    }

    private static string Token(RSA key, string apiKey, string userId, DateTime? expires = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = $"user:{userId}", ["apiKey"] = apiKey },
            Expires = expires,
            NotBefore = expires?.AddMinutes(-10),
            IssuedAt = expires?.AddMinutes(-10),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key), SecurityAlgorithms.RsaSha256),
        });
}
