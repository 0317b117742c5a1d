using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Core.Apps;
using Notify.Core.Storage;

namespace Notify.Core.Hosting;

/// <summary>
/// Creates missing tables and queues before the host serves, and the development app when asked to.
/// Both hosts register it: neither the Functions host nor Azurite creates tables on first use.
/// </summary>
public sealed class StorageInitializer(NotifyStorage storage, AppStore apps, IOptions<NotifyOptions> options, ILogger<StorageInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await storage.CreateIfMissingAsync(ct);
        if (options.Value.DevelopmentAppId is { Length: > 0 } appId)
        {
            var app = await apps.EnsureExistsAsync(appId, "Development app", ct);
            logger.LogInformation("Development app {AppId}: API key {ApiKey}, API secret {ApiSecret}", app.Id, app.ApiKey, app.ApiSecret);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
