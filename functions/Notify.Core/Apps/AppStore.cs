using Azure;
using Azure.Data.Tables;
using Notify.Core.Storage;

namespace Notify.Core.Apps;

/// <summary>
/// Apps and their API-key index. Lookups by key are cached briefly because every request makes one, and
/// so are the pipeline's lookups by id, because every queue message makes one. A change made here clears
/// this instance's caches at once; other instances see it within the cache lifetime.
/// </summary>
public sealed class AppStore(NotifyStorage storage, TimeProvider clock)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(15);
    private readonly ExpiringCache<App> byApiKey = new(clock, CacheLifetime);
    private readonly ExpiringCache<App> byId = new(clock, CacheLifetime);
    private readonly ExpiringCache<App> bySecret = new(clock, CacheLifetime);
    private TableClient Table => storage.Table(TableNames.Apps);

    public async Task<App> CreateAsync(string name, string? id, CancellationToken ct)
    {
        var app = new App
        {
            RowKey = id ?? Secrets.NewAppId(),
            Name = name,
            ApiKey = Secrets.NewApiKey(),
            ApiSecret = Secrets.NewApiSecret(),
            CreatedAt = clock.GetUtcNow(),
        };
        await Table.AddEntityAsync(new ApiKeyIndex { RowKey = app.ApiKey, AppId = app.Id }, ct);
        await IndexSecretAsync(app, ct);
        await Table.AddEntityAsync(app, ct);
        return app;
    }

    public async Task<App?> GetAsync(string appId, CancellationToken ct)
    {
        if (!Secrets.IsWellFormedId(appId)) return null;
        var response = await Table.GetEntityIfExistsAsync<App>(App.PartitionName, appId, cancellationToken: ct);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>For the pipeline, which reads the app for every message: a copy at most the cache lifetime old.</summary>
    public Task<App?> GetCachedAsync(string appId, CancellationToken ct) =>
        byId.GetAsync(appId, () => GetAsync(appId, CancellationToken.None), ct);

    public Task<App?> FindByApiKeyAsync(string apiKey, CancellationToken ct) =>
        !Secrets.IsWellFormedId(apiKey) ? Task.FromResult<App?>(null) : byApiKey.GetAsync(apiKey, async () =>
        {
            var index = await Table.GetEntityIfExistsAsync<ApiKeyIndex>(ApiKeyIndex.PartitionName, apiKey);
            return index.HasValue ? await GetAsync(index.Value!.AppId, CancellationToken.None) : null;
        }, ct);

    /// <summary>The app whose API secret this is, or null; the secret is compared in constant time.</summary>
    public async Task<App?> FindBySecretAsync(string secret, CancellationToken ct)
    {
        if (!Secrets.IsWellFormedId(secret)) return null;
        var key = ApiSecretIndex.KeyFor(secret);
        var app = await bySecret.GetAsync(key, async () =>
        {
            var index = await Table.GetEntityIfExistsAsync<ApiSecretIndex>(ApiSecretIndex.PartitionName, key);
            return index.HasValue ? await GetAsync(index.Value!.AppId, CancellationToken.None) : null;
        }, ct);
        return app is not null && Secrets.AreEqual(secret, app.ApiSecret) ? app : null;
    }

    /// <summary>Saves changed options (a rotated secret included); fails with 412 when someone else changed the app first.</summary>
    public async Task<App> UpdateAsync(App app, CancellationToken ct)
    {
        await IndexSecretAsync(app, ct);
        var response = await Table.UpdateEntityAsync(app, app.ETag, TableUpdateMode.Replace, ct);
        app.ETag = response.Headers.ETag ?? default;
        byApiKey.Remove(app.ApiKey);
        byId.Remove(app.Id);
        bySecret.RemoveWhere(cached => cached.Id == app.Id);
        return app;
    }

    private Task IndexSecretAsync(App app, CancellationToken ct) =>
        Table.UpsertEntityAsync(new ApiSecretIndex { RowKey = ApiSecretIndex.KeyFor(app.ApiSecret), AppId = app.Id }, TableUpdateMode.Replace, ct);

    public async Task<App> EnsureExistsAsync(string appId, string name, CancellationToken ct)
    {
        try
        {
            // Apps made before the secret index existed get their row here (the development app) or on any update.
            if (await GetAsync(appId, ct) is { } existing)
            {
                await IndexSecretAsync(existing, ct);
                return existing;
            }
            return await CreateAsync(name, appId, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await GetAsync(appId, ct) ?? throw new InvalidOperationException($"App {appId} vanished while being created.", e);
        }
    }
}
