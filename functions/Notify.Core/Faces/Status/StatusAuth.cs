using Microsoft.AspNetCore.Http;
using Notify.Core.Apps;
using Notify.Core.Auth;
using Notify.Core.Faces.Kit;

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

    private static Authenticated<App, StatusError> Denied => new(null, StatusErrors.Unauthorized());

    public async Task<Authenticated<App, StatusError>> BackendAsync(HttpRequest request, CancellationToken ct)
    {
        var authorization = request.Headers.Authorization.FirstOrDefault();
        if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var secret = authorization["Bearer ".Length..].Trim();
            var app = secret.Length is > 0 and <= MaxSecretLength ? await apps.FindBySecretAsync(secret, ct) : null;
            return app is null ? Denied : app;
        }
        var key = request.Headers[ApiKeyHeader].FirstOrDefault();
        var keySecret = request.Headers[ApiSecretHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(keySecret)) return Denied;
        var byKey = await apps.FindByApiKeyAsync(key, ct);
        return byKey is not null && Secrets.AreEqual(keySecret, byKey.ApiSecret) ? byKey : Denied;
    }
}
