using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Notify.Core.Apps;
using static Notify.Core.Faces.V3.V3Results;
using Notify.Core.Auth;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.V3;

/// <summary>Resolves the v3 caller from headers: backend (key + secret), user (key + id [+ HMAC]) or user JWT.</summary>
public sealed class V3Authenticator(AppStore apps, UserTokenValidator tokens)
{
    public async Task<Authenticated<App, V3Error>> BackendAsync(HttpRequest request, CancellationToken ct)
    {
        var apiKey = Header(request, V3Headers.ApiKey);
        var secret = Header(request, V3Headers.ApiSecret) ?? Header(request, V3Headers.SecretKey);
        if (apiKey is null || secret is null)
            return Unauthorized();
        var app = await apps.FindByApiKeyAsync(apiKey, ct);
        if (app is null || !Secrets.AreEqual(secret, app.ApiSecret)) return Unauthorized("Invalid API key or secret");
        return app;
    }

    public async Task<Authenticated<UserCaller, V3Error>> UserAsync(HttpRequest request, CancellationToken ct)
    {
        var bearer = BearerToken(request);
        if (bearer is not null)
            return await FromTokenAsync(request, bearer, ct);

        var apiKey = Header(request, V3Headers.ApiKey);
        var userId = Header(request, V3Headers.UserId);
        if (apiKey is null || userId is null)
            return Unauthorized();
        var app = await apps.FindByApiKeyAsync(apiKey, ct);
        if (app is null)
            return Unauthorized("Invalid API key");
        if (app.SecureModeRequired)
            return Unauthorized("Secure mode is enabled for this app: send a user token in the Authorization header");
        if (app.HmacRequired && !Secrets.AreEqual(Header(request, V3Headers.UserSignature), UserSignature(app.ApiSecret, userId)))
            return Unauthorized("Invalid user signature");
        return new UserCaller(app, userId);
    }

    /// <summary>
    /// Inbox calls accept a user, or the backend naming <c>userIdentifier</c> in the query, or the
    /// backend alone on per-item calls (the item id then resolves its user).
    /// </summary>
    public async Task<Authenticated<InboxCaller, V3Error>> InboxAsync(HttpRequest request, bool userRequired, CancellationToken ct)
    {
        if (Header(request, V3Headers.ApiSecret) is not null || Header(request, V3Headers.SecretKey) is not null)
        {
            var backend = await BackendAsync(request, ct);
            if (backend.Failure is not null)
                return backend.Failure;
            var query = request.Query["userIdentifier"].FirstOrDefault();
            var named = string.IsNullOrEmpty(query) ? Header(request, V3Headers.UserId) : query;
            if (named is null && userRequired)
                return Invalid("userIdentifier should not be empty");
            return new InboxCaller(backend.Caller!, named, IsBackend: true);
        }
        var user = await UserAsync(request, ct);
        if (user.Failure is not null) return user.Failure;
        return new InboxCaller(user.Caller!.App, user.Caller.UserId, IsBackend: false);
    }

    public static string UserSignature(string apiSecret, string userId) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), Encoding.UTF8.GetBytes(userId)));

    private async Task<Authenticated<UserCaller, V3Error>> FromTokenAsync(HttpRequest request, string token, CancellationToken ct)
    {
        var apiKey = Header(request, V3Headers.ApiKey) ?? UserTokenValidator.ReadApiKey(token);
        var app = apiKey is null ? null : await apps.FindByApiKeyAsync(apiKey, ct);
        var userId = app is null ? null : await tokens.ValidateAsync(token, app);
        if (userId is null) return Unauthorized("Invalid user token");
        return new UserCaller(app!, userId);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;
    }

    private static string? Header(HttpRequest request, string name)
    {
        var value = request.Headers[name].FirstOrDefault();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
