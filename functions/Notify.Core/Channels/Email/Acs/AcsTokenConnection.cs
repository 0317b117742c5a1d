using Azure.Core;

namespace Notify.Core.Channels.Email.Acs;

/// <summary>Entra ID auth. Keeps the token until five minutes before expiry: not every credential caches.</summary>
internal sealed class AcsTokenConnection(Uri endpoint, TokenCredential credential, TimeProvider time) : AcsConnection(endpoint)
{
    private static readonly TokenRequestContext Scope = new(["https://communication.azure.com//.default"]);
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refresh = new(1, 1);

    // A reference swapped atomically, so readers never see half of an AccessToken struct.
    private volatile CachedToken? _token;

    internal override async ValueTask AuthenticateAsync(HttpRequestMessage request, byte[] body, CancellationToken ct)
    {
        var token = _token;
        if (!IsFresh(token))
        {
            await _refresh.WaitAsync(ct);
            try
            {
                token = _token;
                if (!IsFresh(token))
                {
                    var fresh = await credential.GetTokenAsync(Scope, ct);
                    _token = token = new CachedToken(fresh.Token, fresh.ExpiresOn);
                }
            }
            finally
            {
                _refresh.Release();
            }
        }

        request.Headers.Authorization = new("Bearer", token!.Value);
    }

    private bool IsFresh(CachedToken? token) => token is not null && token.ExpiresOn - RefreshMargin > time.GetUtcNow();

    private sealed record CachedToken(string Value, DateTimeOffset ExpiresOn);
}
