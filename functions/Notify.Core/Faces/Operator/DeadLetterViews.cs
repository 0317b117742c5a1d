using System.Text.Json.Nodes;
using Notify.Core.DeadLetters;

namespace Notify.Core.Faces.Operator;

/// <summary>Every dead-letter queue and roughly how many letters it holds (the queue service counts approximately).</summary>
public sealed record DeadLetterQueuesView(IReadOnlyList<DeadLetterQueueView> Queues);

/// <param name="Kind"><c>poison</c> (pipeline messages the host gave up on) or <c>failed</c> (channel deliveries that failed after their last attempt).</param>
/// <param name="Source">The queue whose work it is, where a replay goes.</param>
public sealed record DeadLetterQueueView(string Name, string Kind, string Source, int ApproximateCount);

/// <summary>
/// One page of a dead-letter queue. Its letters are held until <c>heldUntil</c>: listing again meanwhile returns the
/// next ones, and a held letter's <c>ticket</c> replays or discards it.
/// </summary>
public sealed record DeadLetterPageView(string Queue, string Kind, string Source, int ApproximateCount, IReadOnlyList<DeadLetterView> Messages);

/// <param name="DequeueCount">How often this letter was received from the dead-letter queue (listings and replays).</param>
/// <param name="Attempts">A failed delivery's attempts; a poison message's are the host's <c>maxDequeueCount</c> and not recorded on it.</param>
/// <param name="LastError">A failed delivery's last error; the host moves a poison message without its error (that is in the host's log).</param>
/// <param name="Message">The message body as stored: JSON, or the text when it is not JSON.</param>
public sealed record DeadLetterView(
    string Id, string Ticket, DateTimeOffset? InsertedAt, DateTimeOffset? HeldUntil, long DequeueCount,
    string? AppId, string? SendId, string? Channel, IReadOnlyList<string> Recipients, int? Attempts, string? LastError, JsonNode? Message)
{
    public static DeadLetterView From(string key, DeadLetterQueue queue, DeadLetter letter)
    {
        var summary = DeadLetterSummary.Read(letter.Body);
        return new(letter.Id, DeadLetterTicket.Issue(key, queue, letter), letter.InsertedAt, letter.HeldUntil, letter.DequeueCount,
            summary.AppId, summary.SendId, summary.Channel, summary.Recipients, summary.Attempts, summary.LastError, summary.Message);
    }
}

/// <param name="Outcome"><c>replayed</c>, <c>alreadySettled</c> (sent or skipped since: not sent again), <c>pending</c> (waiting for its release) or <c>gone</c>.</param>
public sealed record ReplayedView(string Queue, string Id, string Outcome);

/// <param name="Handled">How many letters this call took off the queue (at most 256 a call).</param>
/// <param name="Outcomes">How many of them had each outcome.</param>
/// <param name="ApproximateRemaining">Letters left: held by a listing, beyond this call's bound, or failed again since.</param>
public sealed record ReplayedAllView(string Queue, int Handled, IReadOnlyDictionary<string, int> Outcomes, int ApproximateRemaining);

public sealed record DiscardedView(string Queue, int Discarded, int ApproximateRemaining);
