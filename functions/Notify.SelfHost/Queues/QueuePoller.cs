using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Notify.Core.Pipeline;
using Notify.Core.Storage;

namespace Notify.SelfHost.Queues;

/// <summary>
/// Polls one queue the way the Functions queue trigger does: batches of <c>batchSize</c>, a new batch
/// once in-flight work drops to <c>newBatchThreshold</c>, polling that backs off while idle, a failed
/// message retried after <c>visibilityTimeout</c> and moved to the poison queue at <c>maxDequeueCount</c>.
/// A message is held on a short lease renewed while its handler runs (<see cref="QueueHostOptions.Lease"/>).
/// </summary>
public sealed class QueuePoller(QueueConsumer consumer, NotifyStorage storage, IServiceProvider services, QueueHostOptions options, ILogger logger)
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(50);

    private readonly QueueClient queue = storage.Queue(consumer.Queue);
    private readonly QueueClient poison = storage.Queue(QueueNames.Poison(consumer.Queue));

    public async Task RunAsync(CancellationToken stopping)
    {
        using var wake = new SemaphoreSlim(0, 1);
        Action<string> onEnqueued = queueName =>
        {
            if (queueName == consumer.Queue && wake.CurrentCount == 0) wake.Release();
        };
        storage.Enqueued += onEnqueued;
        try
        {
            await PollAsync(wake, stopping);
        }
        finally
        {
            storage.Enqueued -= onEnqueued;
        }
    }

    private async Task PollAsync(SemaphoreSlim wake, CancellationToken stopping)
    {
        var running = new List<Task>();
        var idleDelay = MinPollingInterval;
        while (!stopping.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            if (running.Count > options.NewBatchThreshold)
            {
                await Task.WhenAny(running);
                continue;
            }
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(options.BatchSize, options.Lease, stopping)).Value;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Receiving from {Queue} failed", consumer.Queue);
                messages = [];
            }
            if (messages.Length == 0)
            {
                idleDelay = await WaitAsync(wake, idleDelay, stopping)
                    ? MinPollingInterval
                    : TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, options.MaxPollingInterval.Ticks));
                continue;
            }
            idleDelay = MinPollingInterval;
            running.AddRange(messages.Select(m => ProcessAsync(m, stopping)));
        }
        await Task.WhenAll(running);
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stopping)
    {
        var lease = new Lease(message.PopReceipt);
        Exception? failure = null;
        using (var working = CancellationTokenSource.CreateLinkedTokenSource(stopping))
        {
            var renewal = RenewAsync(message.MessageId, lease, working.Token);
            try
            {
                await consumer.HandleAsync(services, message.Body.ToString(), message.DequeueCount, stopping);
            }
            catch (Exception e)
            {
                failure = e;
            }
            // Renewal stops before the token source goes: a disposed source would never cancel it.
            await working.CancelAsync();
            await renewal;
        }
        if (failure is null)
            await DeleteAsync(message, lease.PopReceipt);
        else if (!stopping.IsCancellationRequested)
            await FailAsync(message, lease.PopReceipt, failure);
        // A failure while shutting down leaves the message: its lease runs out and another instance takes it.
    }

    private async Task DeleteAsync(QueueMessage message, string popReceipt)
    {
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, popReceipt, CancellationToken.None);
        }
        catch (Azure.RequestFailedException e)
        {
            // Handled, but the lease was lost: the message comes back, and handling it again changes nothing.
            logger.LogWarning(e, "Could not delete handled message {MessageId} on {Queue}", message.MessageId, consumer.Queue);
        }
    }

    /// <summary>Keeps the message hidden while its handler runs; each renewal gives a new pop receipt.</summary>
    private async Task RenewAsync(string messageId, Lease lease, CancellationToken working)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Lease / 3, working);
                // Not cancelled once sent: a renewal the server applied but whose answer was dropped would lose the new pop receipt.
                var renewed = await queue.UpdateMessageAsync(messageId, lease.PopReceipt, visibilityTimeout: options.Lease, cancellationToken: CancellationToken.None);
                lease.PopReceipt = renewed.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException)
        {
            // The handler finished, or the host is stopping.
        }
        catch (Azure.RequestFailedException e)
        {
            logger.LogWarning(e, "Lost the lease of message {MessageId} on {Queue}; another instance may handle it too", messageId, consumer.Queue);
        }
    }

    private async Task FailAsync(QueueMessage message, string popReceipt, Exception error)
    {
        try
        {
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                logger.LogError(error, "Message {MessageId} on {Queue} failed {Count} times; moving it to the poison queue", message.MessageId, consumer.Queue, message.DequeueCount);
                await poison.SendMessageAsync(message.Body.ToString());
                await queue.DeleteMessageAsync(message.MessageId, popReceipt);
            }
            else
            {
                logger.LogWarning(error, "Message {MessageId} on {Queue} failed (attempt {Count}); retrying", message.MessageId, consumer.Queue, message.DequeueCount);
                await queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: options.VisibilityTimeout);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not settle failed message {MessageId} on {Queue}; its lease will expire", message.MessageId, consumer.Queue);
        }
    }

    /// <summary>Waits out the idle delay; true when a message queued in this process cut it short.</summary>
    private static async Task<bool> WaitAsync(SemaphoreSlim wake, TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            return await wake.WaitAsync(delay, stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The message's current pop receipt: renewing the lease replaces it.</summary>
    private sealed class Lease(string popReceipt)
    {
        public string PopReceipt { get; set; } = popReceipt;
    }
}
