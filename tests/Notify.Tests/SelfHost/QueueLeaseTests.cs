using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Notify.Core.Pipeline;
using Notify.Core.Storage;
using Notify.SelfHost.Queues;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.SelfHost;

/// <summary>The self-host holds messages on a short lease that it renews while a handler works.</summary>
public sealed class QueueLeaseTests
{
    private static readonly QueueHostOptions Options = new()
    {
        BatchSize = 4,
        NewBatchThreshold = 2,
        MaxPollingInterval = TimeSpan.FromMilliseconds(200),
        MaxDequeueCount = 5,
        Lease = TimeSpan.FromSeconds(2),
    };

    [Fact]
    public async Task Should_keep_a_message_while_its_handler_works_longer_than_the_lease()
    {
        var (storage, queue) = await QueueAsync();
        var handled = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var poller = Poller(storage, queue, async (body, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            handled.Add(body);
        });
        var running = poller.RunAsync(stop.Token);

        await storage.Queue(queue).SendMessageAsync("slow");
        await TestCatalog.EventuallyAsync(async () => !handled.IsEmpty
            && (await storage.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the slow message handled and deleted", TimeSpan.FromSeconds(20));
        await Task.Delay(Options.Lease * 2);
        await stop.CancelAsync();
        await running;

        Assert.Equal(["slow"], handled);
    }

    [Fact]
    public async Task Should_hand_a_killed_hosts_message_to_another_host_once_the_lease_runs_out()
    {
        var (storage, queue) = await QueueAsync();
        using var killed = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var first = Poller(storage, queue, async (_, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }).RunAsync(killed.Token);
        await storage.Queue(queue).SendMessageAsync("work");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await killed.CancelAsync();
        await first;

        var resumed = new TaskCompletionSource<long>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var second = Poller(storage, queue, (_, _) =>
        {
            resumed.TrySetResult(clock.ElapsedMilliseconds);
            return Task.CompletedTask;
        }).RunAsync(stop.Token);
        var after = await resumed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await second;

        Assert.InRange(after, 0, (Options.Lease + TimeSpan.FromSeconds(2)).TotalMilliseconds);
    }

    private static QueuePoller Poller(NotifyStorage storage, string queue, Func<string, CancellationToken, Task> handle) =>
        new(new QueueConsumer(queue, (_, body, _, ct) => handle(body, ct)), storage, new EmptyServices(), Options, NullLogger.Instance);

    private static async Task<(NotifyStorage Storage, string Queue)> QueueAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create(StorageConnection.Setting, (string?)await Azurite.ConnectionStringAsync())])
            .Build();
        var storage = StorageConnection.Create(configuration, "lease");
        var queue = $"q{Guid.NewGuid():N}";
        await storage.Queue(queue).CreateIfNotExistsAsync();
        await storage.Queue(QueueNames.Poison(queue)).CreateIfNotExistsAsync();
        return (storage, queue);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
