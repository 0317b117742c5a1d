using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notify.Core.DeadLetters;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Operator;

/// <summary>
/// The operator's view of what did not succeed: each pipeline queue's poison queue and each channel's failed
/// deliveries. Listing holds a page invisible for a while (that is how the next call pages on); replaying
/// and discarding one letter take the ticket its listing handed out.
/// </summary>
public sealed class DeadLetterEndpoints(OperatorCall call, DeadLetterStore letters, DeadLetterReplay replay, IOptions<NotifyOptions> options)
{
    /// <summary>How many letters one replay-all call takes on, so a call's work stays bounded however deep the queue is.</summary>
    public const int MaxReplayedPerCall = 256;
    public const int DefaultHoldSeconds = 60;
    public const int MaxHoldSeconds = 600;

    public Task<Results<Ok<DeadLetterQueuesView>, OperatorError>> ListQueuesAsync(HttpRequest request, CancellationToken ct) =>
        call.RunAsync<Operator, Ok<DeadLetterQueuesView>>(request, call.Guard, async _ =>
        {
            var counts = await Task.WhenAll(DeadLetterQueue.All.Select(q => letters.CountAsync(q, ct)));
            return TypedResults.Ok(new DeadLetterQueuesView(
                DeadLetterQueue.All.Select((q, i) => new DeadLetterQueueView(q.Name, q.Kind, q.Source, counts[i])).ToList()));
        }, ct);

    public Task<Results<Ok<DeadLetterPageView>, OperatorError>> ListAsync(HttpRequest request, string queueName, CancellationToken ct) =>
        call.RunAsync<Operator, Ok<DeadLetterPageView>>(request, call.Guard, async _ =>
        {
            if (DeadLetterQueue.Find(queueName) is not { } queue) return UnknownQueue(queueName);
            var v = new Validation();
            var limit = v.Query(request, "limit", 1, DeadLetterStore.MaxPage, DeadLetterStore.MaxPage);
            var hold = v.Query(request, "holdSeconds", 1, MaxHoldSeconds, DefaultHoldSeconds);
            if (!v.IsValid) return OperatorError.Invalid(v.Errors);
            var page = await letters.ReceiveAsync(queue, limit, TimeSpan.FromSeconds(hold), ct);
            var remaining = await letters.CountAsync(queue, ct);
            return TypedResults.Ok(new DeadLetterPageView(queue.Name, queue.Kind, queue.Source, remaining,
                page.Select(l => DeadLetterView.From(SigningKey, queue, l)).ToList()));
        }, ct);

    public Task<Results<Ok<ReplayedView>, OperatorError>> ReplayAsync(HttpRequest request, string queueName, string messageId, CancellationToken ct) =>
        call.RunAsync<Operator, string, Ok<ReplayedView>>(request, call.Guard, Ticket, async (_, ticket) =>
        {
            if (DeadLetterQueue.Find(queueName) is not { } queue) return UnknownQueue(queueName);
            if (DeadLetterTicket.Read(SigningKey, queue, messageId, ticket) is not { } letter) return BadTicket();
            return await replay.ReplayAsync(queue, letter, ct) is { } outcome
                ? TypedResults.Ok(new ReplayedView(queue.Name, messageId, outcome))
                : NotHeld();
        }, ct);

    public Task<Results<Ok<DiscardedView>, OperatorError>> DiscardAsync(HttpRequest request, string queueName, string messageId, CancellationToken ct) =>
        call.RunAsync<Operator, string, Ok<DiscardedView>>(request, call.Guard, Ticket, async (_, ticket) =>
        {
            if (DeadLetterQueue.Find(queueName) is not { } queue) return UnknownQueue(queueName);
            if (DeadLetterTicket.Read(SigningKey, queue, messageId, ticket) is not { } letter) return BadTicket();
            if (!await letters.DeleteAsync(queue, letter, ct)) return NotHeld();
            return TypedResults.Ok(new DiscardedView(queue.Name, 1, await letters.CountAsync(queue, ct)));
        }, ct);

    public Task<Results<Ok<ReplayedAllView>, OperatorError>> ReplayAllAsync(HttpRequest request, string queueName, CancellationToken ct) =>
        call.RunAsync<Operator, Ok<ReplayedAllView>>(request, call.Guard, async _ =>
        {
            if (DeadLetterQueue.Find(queueName) is not { } queue) return UnknownQueue(queueName);
            var outcomes = await replay.ReplayAllAsync(queue, MaxReplayedPerCall, ct);
            return TypedResults.Ok(new ReplayedAllView(queue.Name, outcomes.Values.Sum(), outcomes, await letters.CountAsync(queue, ct)));
        }, ct);

    public Task<Results<Ok<DiscardedView>, OperatorError>> DiscardAllAsync(HttpRequest request, string queueName, CancellationToken ct) =>
        call.RunAsync<Operator, Ok<DiscardedView>>(request, call.Guard, async _ =>
        {
            if (DeadLetterQueue.Find(queueName) is not { } queue) return UnknownQueue(queueName);
            return TypedResults.Ok(new DiscardedView(queue.Name, await letters.ClearAsync(queue, ct), await letters.CountAsync(queue, ct)));
        }, ct);

    /// <summary>Tickets are signed with the operator key: present whenever the operator API answers at all.</summary>
    private string SigningKey => options.Value.OperatorKey ?? "";

    private static string? Ticket(Validation v, JsonNode? body) => v.String(body as JsonObject, "ticket", 200_000, required: true);

    private static OperatorError UnknownQueue(string name) =>
        OperatorError.NotFound($"No dead-letter queue {name}; the queues are: {string.Join(", ", DeadLetterQueue.All.Select(q => q.Name))}");

    private static OperatorError BadTicket() => OperatorError.Invalid(["ticket is not one this service issued for this queue and message"]);

    private static OperatorError NotHeld() =>
        OperatorError.NotFound("The message is gone, or was received again after it was listed (its hold ran out); list the queue again");
}
