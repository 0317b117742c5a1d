using Notify.Core.Apps;
using Notify.Core.Channels;
using Notify.Core.Deliveries;
using Notify.Core.RateLimits;
using Notify.Core.Sends;
using Notify.Core.Storage;
using Notify.Core.Users;

namespace Notify.Core.Pipeline;

/// <summary>How one channel delivery went while the caller waited: a delivery status and the provider's error, if any.</summary>
public sealed record ChannelAttempt(string Status, string? Error = null);

/// <summary>
/// Delivers on a channel while a request waits, within the app's rate budget and a time bound, through the same
/// delivery rows, claims, retries and providers as <see cref="ChannelHandler"/>. Each delivery is first put on its
/// channel queue, hidden until after the bound: should the request stop or outlast the bound, the queue still
/// delivers it, and a delivery the request finished is no longer pending there, so it is not sent twice.
/// </summary>
public sealed class ImmediateChannelDelivery(
    IEnumerable<IChannelSender> senders, DeliveryStore deliveries, RateBudgets budgets, ChannelRetries retries, NotifyStorage storage)
{
    private static readonly TimeSpan QueueMargin = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<ChannelAttempt>> DeliverAsync(
        App app, string channel, IReadOnlyList<(SendRow Send, UserRow User)> work, TimeSpan wait, CancellationToken ct)
    {
        var rows = await Task.WhenAll(work.Select(async w =>
        {
            await deliveries.QueueAllAsync(app.Id, w.Send.SendId, [w.User.Identifier], channel, ct);
            await storage.EnqueueAsync(channel, new ChannelMessage(app.Id, w.Send.SendId, channel, [w.User.Identifier], Released: false), wait + QueueMargin, ct);
            return await deliveries.GetAsync(app.Id, w.Send.SendId, w.User.Identifier, channel, ct);
        }));
        var attempts = new ChannelAttempt[work.Count];
        var pending = Enumerable.Range(0, work.Count).Where(i => rows[i]?.Status == DeliveryStatus.Queued).ToList();
        foreach (var i in Enumerable.Range(0, work.Count).Except(pending)) attempts[i] = new ChannelAttempt(rows[i]?.Status ?? DeliveryStatus.Queued);
        var grant = await budgets.AcquireAsync(app, channel, pending.Count, ct);
        foreach (var i in pending.Skip(grant.Granted))
        {
            await retries.WaitForBudgetAsync(app, work[i].Send, [rows[i]!], grant.NextBudgetAt, ct);
            attempts[i] = new ChannelAttempt(DeliveryStatus.Queued, "rate limit reached: delivery waits for the next window");
        }
        var sender = senders.Single(s => s.Channel == channel);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(wait);
        await Task.WhenAll(pending.Take(grant.Granted).Select(async i =>
            attempts[i] = await AttemptAsync(sender, app, work[i].Send, work[i].User, rows[i]!, bound.Token, ct)));
        return attempts;
    }

    private async Task<ChannelAttempt> AttemptAsync(
        IChannelSender sender, App app, SendRow send, UserRow user, DeliveryRow row, CancellationToken bound, CancellationToken ct)
    {
        row.Attempts++;
        if (!await deliveries.TryUpdateAsync(row, ct)) return new ChannelAttempt(DeliveryStatus.Queued);
        ChannelOutcome outcome;
        try
        {
            outcome = await sender.SendAsync(new ChannelDelivery(app, send, user.Identifier, user, ChannelDelivery.IdFor(app.Id, send.SendId, user.Identifier, row.Channel)), bound);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // Past the bound: the row is still pending, so the queued message delivers it (the provider key makes a repeat harmless).
            return new ChannelAttempt(DeliveryStatus.Queued);
        }
        await retries.SettleAsync(app, send, row, outcome, ct);
        return outcome switch
        {
            ChannelOutcome.Sent => new ChannelAttempt(DeliveryStatus.Sent),
            ChannelOutcome.Skipped skipped => new ChannelAttempt(DeliveryStatus.Skipped, skipped.Reason),
            ChannelOutcome.RetryLater retry => new ChannelAttempt(DeliveryStatus.Queued, retry.Error),
            ChannelOutcome.Failed failed => new ChannelAttempt(DeliveryStatus.Failed, failed.Error),
            ChannelOutcome.EndpointGone gone => new ChannelAttempt(DeliveryStatus.Failed, gone.Error),
            _ => throw new InvalidOperationException($"Unknown channel outcome {outcome}"),
        };
    }
}
