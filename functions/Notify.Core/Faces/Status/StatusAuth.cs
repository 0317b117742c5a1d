using Microsoft.AspNetCore.Http;
using Notify.Core.Apps;
using Notify.Core.Auth;

namespace Notify.Core.Faces.Status;

/// <summary>
/// The app's backend, by <c>Authorization: Bearer &lt;API secret&gt;</c> or <c>X-Api-Key</c> + <c>X-Api-Secret</c>.
/// The bearer is the secret, not the API key: the key is public (front ends send it), and this API reads every
/// receiver's answers.
/// </summary>
public sealed class StatusAuth(AppStore apps)
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string ApiSecretHeader = "X-Api-Secret";
    private const int MaxSecretLength = 200;

    public async Task<Authenticated<App>> BackendAsync(HttpRequest request, CancellationToken ct)
    {
        var authorization = request.Headers.Authorization.FirstOrDefault();
        if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var secret = authorization["Bearer ".Length..].Trim();
            var app = secret.Length is > 0 and <= MaxSecretLength ? await apps.FindBySecretAsync(secret, ct) : null;
            return app is null ? Authenticated<App>.Fail(StatusErrors.Unauthorized()) : app;
        }
        var key = request.Headers[ApiKeyHeader].FirstOrDefault();
        var keySecret = request.Headers[ApiSecretHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(keySecret)) return Authenticated<App>.Fail(StatusErrors.Unauthorized());
        var byKey = await apps.FindByApiKeyAsync(key, ct);
        return byKey is not null && Secrets.AreEqual(keySecret, byKey.ApiSecret) ? byKey : Authenticated<App>.Fail(StatusErrors.Unauthorized());
    }
}
