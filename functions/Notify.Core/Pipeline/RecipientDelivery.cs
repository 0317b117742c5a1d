using Microsoft.Extensions.Options;
using Notify.Core.Apps;
using Notify.Core.Audience;
using Notify.Core.Channels;
using Notify.Core.Deliveries;
using Notify.Core.Inbox;
using Notify.Core.Preferences;
using Notify.Core.Sends;
using Notify.Core.Templates;
using Notify.Core.Users;

namespace Notify.Core.Pipeline;

/// <summary>A recipient as fan-out found them: listed on the send (no channel restriction) or a topic member.</summary>
public sealed record AudienceMember(Recipient Recipient, IReadOnlyList<string>? TopicChannels);

/// <summary>
/// Delivers a send to a batch of recipients: plans each recipient's channels (<see cref="ChannelPlanner"/>),
/// records preference skips, and writes the inbox items. Running it twice changes nothing.
/// </summary>
public sealed class RecipientDelivery(
    SendStore sends, AppStore apps, InboxStore inbox, InboxWriter writer, PreferenceStore preferences, DeliveryStore deliveries,
    ChannelDispatch dispatch, InAppTemplates templates, UserIndexes indexes, IOptions<NotifyOptions> options)
{
    public const string CancelledReason = "cancelled";

    /// <param name="fromAppAudience">The recipients were read from the app-wide audience (a broadcast's page), so they are in it already.</param>
    public async Task DeliverAsync(SendRow send, IReadOnlyList<AudienceMember> audience, bool fromAppAudience, CancellationToken ct)
    {
        var app = await apps.GetCachedAsync(send.AppId, ct);
        if (app is null) return;
        var cancelled = await sends.GetCancelledAmongAsync(send, audience.Select(a => a.Recipient.Identifier), ct);
        var sendChannels = send.Channels is null ? AppChannels.Defaults(app) : DeliveryChannels.Split(send.Channels);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.DeliveryParallelism, CancellationToken = ct };
        var planned = new (AudienceMember Member, ChannelPlan Plan)[audience.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, audience.Count), parallel, async (i, token) =>
        {
            var member = audience[i];
            // Rules are per category, so a send without one needs no preference read.
            var rules = send.CategoryId is null ? null
                : (await preferences.GetAsync(send.AppId, member.Recipient.Identifier, token)).ForCategory(send.CategoryId);
            planned[i] = (member, ChannelPlanner.Plan(sendChannels, member.TopicChannels, rules));
        });

        // Skips are known from the plan alone, so they are on record before any channel delivers.
        var skips = planned.SelectMany(p => (cancelled.Contains(p.Member.Recipient.Identifier)
                ? p.Plan.Deliver.Select(c => new SkippedChannel(c, CancelledReason))
                : p.Plan.Skipped)
            .Select(s => new RecordedOutcome(p.Member.Recipient.Identifier, s.Channel, DeliveryStatus.Skipped, s.Reason)));
        await deliveries.RecordAllAsync(send.AppId, send.SendId, skips, ct);

        var toInbox = planned
            .Where(p => p.Plan.Includes(DeliveryChannels.InApp) && !cancelled.Contains(p.Member.Recipient.Identifier))
            .Select(p => (p.Member.Recipient, Id: NotificationIds.For(send.AppId, send.SendId, p.Member.Recipient.Identifier)))
            .ToList();
        // The index goes first: an item must never exist without the row that finds its user.
        await inbox.IndexAsync(send.AppId, toInbox.Select(r => (r.Id, r.Recipient.Identifier)), ct);
        var content = new InboxContent(send.SendId, send.CreatedAt, send.Content)
        {
            ActionsJson = send.ActionsJson,
        };
        var personalize = await templates.ForAsync(send, content, ct);
        // Writes that need no profile do not read the user row, so cannot tell a new user: join them all up front.
        if (personalize is null && !fromAppAudience)
            await indexes.JoinAllAsync(send.AppId, toInbox.Where(r => r.Recipient.Profile is null).Select(r => r.Recipient.Identifier).ToList(), ct);
        var notRendered = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(toInbox, parallel, async (r, token) =>
        {
            if (await writer.DeliverAsync(send.AppId, r.Recipient.Identifier, r.Id, content, r.Recipient.Profile, personalize is null ? null : personalize.Render, token)
                == DeliveryOutcome.NotRendered)
                notRendered.Add(r.Recipient.Identifier);
        });
        var failed = notRendered.ToHashSet();
        await deliveries.RecordAllAsync(send.AppId, send.SendId, toInbox.Select(r => r.Recipient.Identifier).Select(user => failed.Contains(user)
            ? new RecordedOutcome(user, DeliveryChannels.InApp, DeliveryStatus.Failed, personalize?.Error(user))
            : new RecordedOutcome(user, DeliveryChannels.InApp, DeliveryStatus.Sent)), ct);
        await dispatch.DispatchAsync(app, send, planned
            .Where(p => !cancelled.Contains(p.Member.Recipient.Identifier))
            .SelectMany(p => p.Plan.Deliver.Where(c => c != DeliveryChannels.InApp).Select(c => (p.Member.Recipient, c)))
            .ToList(), toInbox.Select(r => r.Recipient.Identifier).ToHashSet(), ct);
    }
}
