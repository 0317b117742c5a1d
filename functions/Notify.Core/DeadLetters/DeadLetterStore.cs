using Azure;
using Notify.Core.Storage;

namespace Notify.Core.DeadLetters;

/// <summary>
/// Reads and removes dead letters. A queue can be peeked only 32 messages deep and has no offsets, so a page
/// is a receive: the messages it returns stay invisible for the hold, and the next receive returns the next
/// ones. Receiving a dead letter changes nothing but its dequeue count: nothing consumes these queues.
/// </summary>
public sealed class DeadLetterStore(NotifyStorage storage)
{
    public const int MaxPage = 32;

    public async Task<int> CountAsync(DeadLetterQueue queue, CancellationToken ct) =>
        (await storage.Queue(queue.Name).GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;

    public async Task<IReadOnlyList<DeadLetter>> ReceiveAsync(DeadLetterQueue queue, int limit, TimeSpan hold, CancellationToken ct)
    {
        var received = await storage.Queue(queue.Name).ReceiveMessagesAsync(Math.Clamp(limit, 1, MaxPage), hold, ct);
        return received.Value.Select(m => new DeadLetter(m.MessageId, m.PopReceipt, m.Body.ToString(), m.InsertedOn, m.DequeueCount, m.NextVisibleOn)).ToList();
    }

    /// <summary>Holds a letter again under its receipt; null when it is gone or someone received it since.</summary>
    public async Task<DeadLetter?> HoldAsync(DeadLetterQueue queue, DeadLetter letter, TimeSpan hold, CancellationToken ct)
    {
        try
        {
            var updated = await storage.Queue(queue.Name).UpdateMessageAsync(letter.Id, letter.PopReceipt, visibilityTimeout: hold, cancellationToken: ct);
            return letter with { PopReceipt = updated.Value.PopReceipt, HeldUntil = updated.Value.NextVisibleOn };
        }
        catch (RequestFailedException e) when (e.Status is 400 or 404)
        {
            return null;
        }
    }

    /// <returns>False when the letter is gone or someone received it since.</returns>
    public async Task<bool> DeleteAsync(DeadLetterQueue queue, DeadLetter letter, CancellationToken ct)
    {
        try
        {
            await storage.Queue(queue.Name).DeleteMessageAsync(letter.Id, letter.PopReceipt, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 400 or 404)
        {
            return false;
        }
    }

    /// <summary>Empties the queue, held letters included; returns how many it held.</summary>
    public async Task<int> ClearAsync(DeadLetterQueue queue, CancellationToken ct)
    {
        var count = await CountAsync(queue, ct);
        await storage.Queue(queue.Name).ClearMessagesAsync(ct);
        return count;
    }
}
