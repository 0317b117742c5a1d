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
            // The secret is never logged: scripts/run-local.sh reads it through the operator API and prints it.
            logger.LogInformation("Development app {AppId} is ready", app.Id);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
