using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, (App App, DateTimeOffset Expires)> byApiKey = new();
    private readonly ConcurrentDictionary<string, (App App, DateTimeOffset Expires)> byId = new();
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
    public async Task<App?> GetCachedAsync(string appId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (byId.TryGetValue(appId, out var cached) && cached.Expires > now)
            return cached.App;
        var app = await GetAsync(appId, ct);
        if (app is not null) byId[appId] = (app, now + CacheLifetime);
        return app;
    }

    public async Task<App?> FindByApiKeyAsync(string apiKey, CancellationToken ct)
    {
        if (!Secrets.IsWellFormedId(apiKey)) return null;
        var now = clock.GetUtcNow();
        if (byApiKey.TryGetValue(apiKey, out var cached) && cached.Expires > now)
            return cached.App;
        var index = await Table.GetEntityIfExistsAsync<ApiKeyIndex>(ApiKeyIndex.PartitionName, apiKey, cancellationToken: ct);
        var app = index.HasValue ? await GetAsync(index.Value!.AppId, ct) : null;
        // Only real keys are cached, so callers inventing keys cannot grow the cache.
        if (app is not null) byApiKey[apiKey] = (app, now + CacheLifetime);
        return app;
    }

    /// <summary>Saves changed options; fails with 412 when someone else changed the app first.</summary>
    public async Task<App> UpdateAsync(App app, CancellationToken ct)
    {
        var response = await Table.UpdateEntityAsync(app, app.ETag, TableUpdateMode.Replace, ct);
        app.ETag = response.Headers.ETag ?? default;
        byApiKey.TryRemove(app.ApiKey, out _);
        byId.TryRemove(app.Id, out _);
        return app;
    }

    public async Task<App> EnsureExistsAsync(string appId, string name, CancellationToken ct)
    {
        try
        {
            return await GetAsync(appId, ct) ?? await CreateAsync(name, appId, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await GetAsync(appId, ct) ?? throw new InvalidOperationException($"App {appId} vanished while being created.", e);
        }
    }
}
