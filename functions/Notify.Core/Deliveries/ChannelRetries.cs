using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Core.Apps;
using Notify.Core.Channels;
using Notify.Core.RateLimits;
using Notify.Core.Sends;
using Notify.Core.Storage;

namespace Notify.Core.Deliveries;

/// <summary>
/// Settles a channel attempt on its delivery row: final outcomes end it; transient ones park it in the
/// waiting store for a later attempt with backoff and jitter; the last failed attempt also goes to the
/// channel's failed-deliveries queue, with the context needed to replay it.
/// </summary>
public sealed class ChannelRetries(
    DeliveryStore deliveries, WaitingStore waiting, RateBudgets budgets, AppStore apps, NotifyStorage storage,
    IOptions<DeliveryRetryOptions> options, TimeProvider clock, ILogger<ChannelRetries> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SettleAsync(App app, SendRow send, DeliveryRow row, ChannelOutcome outcome, CancellationToken ct)
    {
        logger.LogInformation("{Channel} delivery to {UserId}, attempt {Attempt}: {Outcome}", row.Channel, row.UserId, row.Attempts, outcome);
        switch (outcome)
        {
            case ChannelOutcome.Sent sent:
                row.ProviderMessageId = sent.ProviderMessageId;
                await FinishAsync(row, DeliveryStatus.Sent, null, ct);
                break;
            case ChannelOutcome.Skipped skipped:
                await FinishAsync(row, DeliveryStatus.Skipped, skipped.Reason, ct);
                break;
            case ChannelOutcome.Failed failed:
                await FinishAsync(row, DeliveryStatus.Failed, failed.Error, ct);
                break;
            case ChannelOutcome.EndpointGone gone:
                await DisableWebhookAsync(app.Id, ct);
                await FinishAsync(row, DeliveryStatus.Failed, gone.Error, ct);
                break;
            case ChannelOutcome.RetryLater retry:
                await RetryAsync(app, send, row, retry, ct);
                break;
        }
    }

    public async Task FinishAsync(DeliveryRow row, string status, string? reason, CancellationToken ct)
    {
        row.Status = status;
        row.LastError = reason;
        await UpdateAsync(row, ct);
    }

    /// <summary>A record another handler changed meanwhile keeps that handler's word; the one given up is logged.</summary>
    private async Task UpdateAsync(DeliveryRow row, CancellationToken ct)
    {
        if (!await deliveries.TryUpdateAsync(row, ct))
            logger.LogWarning("Delivery record of {UserId} on {Channel} changed meanwhile; status {Status} not recorded", row.UserId, row.Channel, row.Status);
    }

    public async Task WaitForBudgetAsync(App app, SendRow send, IReadOnlyList<DeliveryRow> rows, DateTimeOffset notBefore, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            row.Status = DeliveryStatus.Throttled;
            await UpdateAsync(row, ct);
        }
        if (rows.Count > 0)
            await waiting.AddAsync(app.Id, rows[0].Channel, rows.Select(r => (send.SendId, r.UserId, notBefore)).ToList(), ct);
    }

    private async Task RetryAsync(App app, SendRow send, DeliveryRow row, ChannelOutcome.RetryLater retry, CancellationToken ct)
    {
        var delay = options.Value.Backoff(row.Channel).NextDelay(row.Attempts + 1, Random.Shared.NextDouble(), retry.RetryAfter);
        if (delay is null)
        {
            await FinishAsync(row, DeliveryStatus.Failed, $"gave up after {row.Attempts} attempts: {retry.Error}", ct);
            var failed = new FailedChannelDelivery(app.Id, send.SendId, row.Channel, row.UserId, row.Attempts, retry.Error);
            await storage.Queue(QueueNames.Failed(row.Channel)).SendMessageAsync(JsonSerializer.Serialize(failed, Json), ct);
            logger.LogWarning("Delivery {Channel} of send {SendId} to {UserId} failed for good: {Error}", row.Channel, send.SendId, row.UserId, retry.Error);
            return;
        }
        var notBefore = clock.GetUtcNow() + delay.Value;
        if (retry.Throttled) await budgets.BlockAsync(app, row.Channel, notBefore, ct);
        row.Status = DeliveryStatus.Throttled;
        row.LastError = retry.Error;
        await UpdateAsync(row, ct);
        await waiting.AddAsync(app.Id, row.Channel, [(send.SendId, row.UserId, notBefore)], ct);
    }

    private Task DisableWebhookAsync(string appId, CancellationToken ct) =>
        Optimistic.RetryAsync(async () =>
        {
            var app = await apps.GetAsync(appId, ct);
            if (app is null || app.WebhookDisabled) return;
            app.WebhookDisabled = true;
            await apps.UpdateAsync(app, ct);
        }, [412]);
}
