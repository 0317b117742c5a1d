using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Notify.Core.Apps;

namespace Notify.Core.Faces.Batch;

/// <summary>
/// The batch API's two callers: a backend with <c>Authorization: Bearer &lt;API secret&gt;</c>, and the widget
/// naming <c>projectId</c> (the app id), <c>userId</c> and <c>userHmac</c> = hex HMAC-SHA256(API secret, user id).
/// A failure never says which part was wrong.
/// </summary>
public sealed class BatchAuthenticator(AppStore apps)
{
    public async Task<App?> BackendAsync(HttpRequest request, CancellationToken ct)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        return await apps.FindBySecretAsync(header["Bearer ".Length..].Trim(), ct);
    }

    public async Task<App?> UserAsync(string? projectId, string? userId, string? userHmac, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(projectId) || string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(userHmac)) return null;
        var app = await apps.GetAsync(projectId, ct);
        return app is not null && Secrets.AreEqual(userHmac.ToLowerInvariant(), UserHmac(app.ApiSecret, userId)) ? app : null;
    }

    public static string UserHmac(string apiSecret, string userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), Encoding.UTF8.GetBytes(userId)));
}
