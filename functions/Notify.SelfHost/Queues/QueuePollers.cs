using Notify.Core.Pipeline;
using Notify.Core.Storage;

namespace Notify.SelfHost.Queues;

/// <summary>Runs one poller for every queue of the pipeline.</summary>
public sealed class QueuePollers(NotifyStorage storage, IServiceProvider services, QueueHostOptions options, ILoggerFactory loggers)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(QueueConsumers.All.Select(consumer =>
            new QueuePoller(consumer, storage, services, options, loggers.CreateLogger($"Notify.Queues.{consumer.Queue}"))
                .RunAsync(stoppingToken)));
}
