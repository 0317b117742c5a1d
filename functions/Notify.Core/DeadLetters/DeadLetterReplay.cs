using Microsoft.Extensions.Logging;
using Notify.Core.Deliveries;
using Notify.Core.Pipeline;
using Notify.Core.Storage;

namespace Notify.Core.DeadLetters;

public static class ReplayOutcome
{
    /// <summary>Queued again: a poison message onto its own queue, a failed delivery as a new attempt.</summary>
    public const string Replayed = "replayed";

    /// <summary>The delivery was sent or skipped since (an earlier replay, say): nothing is sent again.</summary>
    public const string AlreadySettled = "alreadySettled";

    /// <summary>The delivery waits in the waiting store for its release: it goes then, once.</summary>
    public const string Pending = "pending";

    /// <summary>The delivery record is gone with its send: nothing to deliver.</summary>
    public const string Gone = "gone";
}

/// <summary>
/// Replays dead letters. Replay relies on the consumers being idempotent rather than on remembering what
/// was replayed: a poison message goes back onto its queue unchanged (every stage ignores work already
/// done); a failed delivery's record goes from failed back to queued under its ETag, with a fresh retry
/// schedule, and a channel message for that one user follows, which the channel handler claims under the
/// record's ETag before sending. A record that is no longer failed is not queued again, so a letter
/// replayed twice, or two copies of one, deliver once. The letter is deleted only after its work is queued.
/// </summary>
public sealed class DeadLetterReplay(DeadLetterStore letters, DeliveryStore deliveries, NotifyStorage storage, ILogger<DeadLetterReplay> logger)
{
    /// <summary>How long a letter stays held while it is replayed.</summary>
    public static readonly TimeSpan ReplayHold = TimeSpan.FromMinutes(1);

    /// <summary>Replays one held letter; null when it is gone or someone received it since it was listed.</summary>
    public async Task<string?> ReplayAsync(DeadLetterQueue queue, DeadLetter listed, CancellationToken ct)
    {
        var letter = await letters.HoldAsync(queue, listed, ReplayHold, ct);
        if (letter is null) return null;
        var outcome = await QueueAgainAsync(queue, letter, ct);
        await letters.DeleteAsync(queue, letter, ct);
        return outcome;
    }

    /// <summary>Replays up to <paramref name="max"/> letters that no one holds, a page at a time; the count of each outcome.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ReplayAllAsync(DeadLetterQueue queue, int max, CancellationToken ct)
    {
        var outcomes = new Dictionary<string, int>();
        for (var done = 0; done < max;)
        {
            var page = await letters.ReceiveAsync(queue, Math.Min(DeadLetterStore.MaxPage, max - done), ReplayHold, ct);
            if (page.Count == 0) break;
            foreach (var letter in page)
            {
                var outcome = await QueueAgainAsync(queue, letter, ct);
                await letters.DeleteAsync(queue, letter, ct);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
            done += page.Count;
        }
        return outcomes;
    }

    private async Task<string> QueueAgainAsync(DeadLetterQueue queue, DeadLetter letter, CancellationToken ct)
    {
        if (queue.Kind == DeadLetterKind.Poison)
        {
            await storage.EnqueueBodyAsync(queue.Source, letter.Body, null, ct);
            logger.LogInformation("Poison message {MessageId} replayed onto {Queue}", letter.Id, queue.Source);
            return ReplayOutcome.Replayed;
        }
        var failed = NotifyStorage.ReadMessage<FailedChannelDelivery>(letter.Body);
        var outcome = await RequeueDeliveryAsync(failed, ct);
        logger.LogInformation("Failed {Channel} delivery of send {SendId} to {UserId}: {Outcome}", failed.Channel, failed.SendId, failed.UserId, outcome);
        return outcome;
    }

    private async Task<string> RequeueDeliveryAsync(FailedChannelDelivery failed, CancellationToken ct)
    {
        var row = await deliveries.GetAsync(failed.AppId, failed.SendId, failed.UserId, failed.Channel, ct);
        if (row?.Status == DeliveryStatus.Failed)
        {
            row.Status = DeliveryStatus.Queued;
            row.Attempts = 0;
            // Lost to a concurrent replay of a copy: what it saved decides below.
            if (!await deliveries.TryUpdateAsync(row, ct))
                row = await deliveries.GetAsync(failed.AppId, failed.SendId, failed.UserId, failed.Channel, ct);
        }
        switch (row?.Status)
        {
            case null:
                return ReplayOutcome.Gone;
            case DeliveryStatus.Queued:
                // A second message for a queued record is harmless: the channel handler claims the record before sending.
                await storage.EnqueueAsync(failed.Channel, new ChannelMessage(failed.AppId, failed.SendId, failed.Channel, [failed.UserId], Released: false), null, ct);
                return ReplayOutcome.Replayed;
            case DeliveryStatus.Throttled:
                return ReplayOutcome.Pending;
            default:
                return ReplayOutcome.AlreadySettled;
        }
    }
}
