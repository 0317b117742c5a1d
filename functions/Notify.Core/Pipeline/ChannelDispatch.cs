using Microsoft.Extensions.Logging;
using Notify.Core.Apps;
using Notify.Core.Deliveries;
using Notify.Core.Sends;
using Notify.Core.Storage;
using Notify.Core.Users;

namespace Notify.Core.Pipeline;

/// <summary>
/// Hands a batch's deliveries on other channels than the inbox to their channel queues: a queued delivery
/// row per (user, channel), then one message per channel and hundred users, never one per recipient.
/// </summary>
public sealed class ChannelDispatch(DeliveryStore deliveries, UserStore users, NotifyStorage storage, ILogger<ChannelDispatch> logger)
{
    private const int UsersPerMessage = 100;
    private static readonly string[] Queued = [DeliveryChannels.Email, DeliveryChannels.Webhook, DeliveryChannels.Sms];

    /// <param name="inboxWritten">Recipients whose inline profile the inbox write already merged.</param>
    public async Task DispatchAsync(
        App app, SendRow send, IReadOnlyList<(Recipient Recipient, string Channel)> planned, IReadOnlySet<string> inboxWritten, CancellationToken ct)
    {
        await MergeProfilesAsync(app, planned.Select(d => d.Recipient).Where(r => r.Profile is not null && !inboxWritten.Contains(r.Identifier)), ct);
        var unavailable = planned.Where(p => !Queued.Contains(p.Channel)).ToList();
        await deliveries.RecordAllAsync(app.Id, send.SendId, unavailable.Select(p =>
            new RecordedOutcome(p.Recipient.Identifier, p.Channel, DeliveryStatus.Skipped, "channel not available on this service")), ct);
        foreach (var channel in planned.Where(p => Queued.Contains(p.Channel)).GroupBy(p => p.Channel))
        {
            var recipients = channel.Select(p => p.Recipient.Identifier).Distinct().ToList();
            await deliveries.QueueAllAsync(app.Id, send.SendId, recipients, channel.Key, ct);
            foreach (var batch in recipients.Chunk(UsersPerMessage))
                await storage.EnqueueAsync(channel.Key, new ChannelMessage(app.Id, send.SendId, channel.Key, batch, Released: false), null, ct);
        }
    }

    /// <summary>Inline profile fields (an email address, say) must be stored before the channels read them.</summary>
    private async Task MergeProfilesAsync(App app, IEnumerable<Recipient> recipients, CancellationToken ct)
    {
        foreach (var recipient in recipients.DistinctBy(r => r.Identifier))
        {
            try
            {
                await users.UpsertAsync(app.Id, recipient.Identifier, recipient.Profile!, ct);
            }
            catch (ProfileChangeRejectedException e)
            {
                // As on the inbox path: a refused inline profile keeps the stored one, and delivery goes on.
                logger.LogWarning("Inline profile of {UserId} refused ({Errors}); the stored one is used", recipient.Identifier, string.Join("; ", e.Errors));
            }
            catch (UserBeingDeletedException)
            {
                logger.LogInformation("Inline profile of {UserId} dropped: the user is being deleted", recipient.Identifier);
            }
        }
    }
}
