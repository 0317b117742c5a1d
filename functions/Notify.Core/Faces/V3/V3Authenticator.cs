using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Notify.Core.Apps;
using static Notify.Core.Faces.V3.V3Results;
using Notify.Core.Auth;

namespace Notify.Core.Faces.V3;

/// <summary>Resolves the v3 caller from headers: backend (key + secret), user (key + id [+ HMAC]) or user JWT.</summary>
public sealed class V3Authenticator(AppStore apps, UserTokenValidator tokens)
{
    public async Task<Authenticated<App>> BackendAsync(HttpRequest request, CancellationToken ct)
    {
        var apiKey = Header(request, V3Headers.ApiKey);
        var secret = Header(request, V3Headers.ApiSecret) ?? Header(request, V3Headers.SecretKey);
        if (apiKey is null || secret is null)
            return Authenticated<App>.Fail(Unauthorized());
        var app = await apps.FindByApiKeyAsync(apiKey, ct);
        return app is not null && Secrets.AreEqual(secret, app.ApiSecret)
            ? app
            : Authenticated<App>.Fail(Unauthorized("Invalid API key or secret"));
    }

    public async Task<Authenticated<UserCaller>> UserAsync(HttpRequest request, CancellationToken ct)
    {
        var bearer = BearerToken(request);
        if (bearer is not null)
            return await FromTokenAsync(request, bearer, ct);

        var apiKey = Header(request, V3Headers.ApiKey);
        var userId = Header(request, V3Headers.UserId);
        if (apiKey is null || userId is null)
            return Authenticated<UserCaller>.Fail(Unauthorized());
        var app = await apps.FindByApiKeyAsync(apiKey, ct);
        if (app is null)
            return Authenticated<UserCaller>.Fail(Unauthorized("Invalid API key"));
        if (app.SecureModeRequired)
            return Authenticated<UserCaller>.Fail(Unauthorized("Secure mode is enabled for this app: send a user token in the Authorization header"));
        if (app.HmacRequired && !Secrets.AreEqual(Header(request, V3Headers.UserSignature), UserSignature(app.ApiSecret, userId)))
            return Authenticated<UserCaller>.Fail(Unauthorized("Invalid user signature"));
        return new UserCaller(app, userId);
    }

    /// <summary>
    /// Inbox calls accept a user, or the backend naming <c>userIdentifier</c> in the query, or the
    /// backend alone on per-item calls (the item id then resolves its user).
    /// </summary>
    public async Task<Authenticated<InboxCaller>> InboxAsync(HttpRequest request, bool userRequired, CancellationToken ct)
    {
        if (Header(request, V3Headers.ApiSecret) is not null || Header(request, V3Headers.SecretKey) is not null)
        {
            var backend = await BackendAsync(request, ct);
            if (backend.Failure is not null)
                return Authenticated<InboxCaller>.Fail(backend.Failure);
            var query = request.Query["userIdentifier"].FirstOrDefault();
            var named = string.IsNullOrEmpty(query) ? Header(request, V3Headers.UserId) : query;
            if (named is null && userRequired)
                return Authenticated<InboxCaller>.Fail(Invalid("userIdentifier should not be empty"));
            return new InboxCaller(backend.Caller!, named, IsBackend: true);
        }
        var user = await UserAsync(request, ct);
        return user.Failure is not null
            ? Authenticated<InboxCaller>.Fail(user.Failure)
            : new InboxCaller(user.Caller!.App, user.Caller.UserId, IsBackend: false);
    }

    public static string UserSignature(string apiSecret, string userId) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), Encoding.UTF8.GetBytes(userId)));

    private async Task<Authenticated<UserCaller>> FromTokenAsync(HttpRequest request, string token, CancellationToken ct)
    {
        var apiKey = Header(request, V3Headers.ApiKey) ?? UserTokenValidator.ReadApiKey(token);
        var app = apiKey is null ? null : await apps.FindByApiKeyAsync(apiKey, ct);
        var userId = app is null ? null : await tokens.ValidateAsync(token, app);
        return userId is null
            ? Authenticated<UserCaller>.Fail(Unauthorized("Invalid user token"))
            : new UserCaller(app!, userId);
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
