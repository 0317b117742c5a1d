using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Core.Apps;
using Notify.Core.Channels;
using Notify.Core.Deliveries;
using Notify.Core.RateLimits;
using Notify.Core.Sends;
using Notify.Core.Users;

namespace Notify.Core.Pipeline;

/// <summary>
/// Delivers one send on one channel to a batch of users, within the app's rate budget. Deliveries over
/// budget, and transient failures, wait for the release timer; each delivery row is claimed with its
/// ETag before its provider call, so a repeated message cannot send twice.
/// </summary>
public sealed class ChannelHandler(
    IEnumerable<IChannelSender> senders, SendStore sends, AppStore apps, UserStore users, DeliveryStore deliveries,
    RateBudgets budgets, ChannelRetries retries, IOptions<NotifyOptions> options, ILogger<ChannelHandler> logger) : IQueueHandler<ChannelMessage>
{
    private static readonly string[] Pending = [DeliveryStatus.Queued, DeliveryStatus.Throttled];

    public async Task HandleAsync(ChannelMessage message, long dequeueCount, CancellationToken ct)
    {
        using var scope = logger.Stage(message.Channel, message.AppId, message.SendId);
        var send = await sends.GetAsync(message.AppId, message.SendId, ct);
        var app = await apps.GetCachedAsync(message.AppId, ct);
        if (send is null || app is null) return;
        var sender = senders.Single(s => s.Channel == message.Channel);
        var rows = (await Task.WhenAll(message.Users.Select(u => deliveries.GetAsync(app.Id, send.SendId, u, message.Channel, ct))))
            .OfType<DeliveryRow>().Where(r => Pending.Contains(r.Status)).ToList();
        if (send.Status == SendStatus.Cancelled)
        {
            await Task.WhenAll(rows.Select(r => retries.FinishAsync(r, DeliveryStatus.Skipped, RecipientDelivery.CancelledReason, ct)));
            return;
        }
        // Released messages bring the budget the release timer took for them.
        var grant = message.Released ? new RateGrant(rows.Count, DateTimeOffset.MinValue) : await budgets.AcquireAsync(app, message.Channel, rows.Count, ct);
        if (grant.Granted < rows.Count)
            logger.LogInformation("{Waiting} deliveries wait for budget until {NextBudgetAt}", rows.Count - grant.Granted, grant.NextBudgetAt);
        await retries.WaitForBudgetAsync(app, send, rows.Skip(grant.Granted).ToList(), grant.NextBudgetAt, ct);
        await Parallel.ForEachAsync(rows.Take(grant.Granted),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Min(8, options.Value.DeliveryParallelism), CancellationToken = ct },
            async (row, token) => await DeliverAsync(sender, app, send, row, token));
    }

    private async Task DeliverAsync(IChannelSender sender, App app, SendRow send, DeliveryRow row, CancellationToken ct)
    {
        row.Attempts++;
        if (!await deliveries.TryUpdateAsync(row, ct))
        {
            logger.LogInformation("Delivery to {UserId} claimed by another handler; left to it", row.UserId);
            return;
        }
        var user = await users.GetAsync(app.Id, row.UserId, ct);
        var outcome = await sender.SendAsync(new ChannelDelivery(app, send, row.UserId, user, ChannelDelivery.IdFor(app.Id, send.SendId, row.UserId, row.Channel)), ct);
        await retries.SettleAsync(app, send, row, outcome, ct);
    }
}
