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

/// <summary>
/// A recipient as fan-out found them: listed on the send (no channel restriction) or a topic member; InAudience when
/// they are known to be in the app-wide audience already (a broadcast's page, a member row that says so).
/// </summary>
public sealed record AudienceMember(Recipient Recipient, IReadOnlyList<string>? TopicChannels, bool InAudience = false);

/// <summary>A send and the recipients of it to deliver now.</summary>
public sealed record SendAudience(SendRow Send, IReadOnlyList<AudienceMember> Audience);

/// <summary>
/// Delivers a send to a batch of recipients: plans each recipient's channels (<see cref="ChannelPlanner"/>),
/// records preference skips, and writes the inbox items. Running it twice changes nothing.
/// </summary>
public sealed class RecipientDelivery(
    SendStore sends, AppStore apps, InboxStore inbox, InboxWriter writer, PreferenceStore preferences, DeliveryStore deliveries,
    ChannelDispatch dispatch, InAppTemplates templates, UserIndexes indexes, IOptions<NotifyOptions> options)
{
    public const string CancelledReason = "cancelled";

    public Task DeliverAsync(SendRow send, IReadOnlyList<AudienceMember> audience, CancellationToken ct) =>
        DeliverAllAsync(send.AppId, [new SendAudience(send, audience)], ct);

    /// <summary>
    /// Delivers sends of one app together (a commit group's): their id-index rows and audience joins are written
    /// as one set, a transaction per partition they share, before each send's own inbox writes and records.
    /// </summary>
    public async Task DeliverAllAsync(string appId, IReadOnlyList<SendAudience> sends, CancellationToken ct)
    {
        if (sends.Count == 0) return;
        var app = await apps.GetCachedAsync(appId, ct);
        if (app is null) return;
        var prepared = new PreparedSend[sends.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, sends.Count), Concurrently(ct), async (i, token) =>
            prepared[i] = await PrepareAsync(app, sends[i], token));
        // The index goes first: an item must never exist without the row that finds its user.
        await inbox.IndexAsync(appId, prepared.SelectMany(p => p.ToInbox.Select(r => (r.Id, r.Recipient.Identifier))), ct);
        // Writes that need no profile do not read the user row, so cannot tell a new user: join up front all but those
        // known to be in the audience.
        await indexes.JoinAllAsync(appId, prepared.Where(p => p.Personalize is null)
            .SelectMany(p => p.ToInbox.Where(r => r.Recipient.Profile is null && !r.InAudience).Select(r => r.Recipient.Identifier)).Distinct().ToList(), ct);
        await Parallel.ForEachAsync(prepared, Concurrently(ct), async (p, token) => await CompleteAsync(app, p, token));
    }

    /// <summary>Plans each recipient's channels and puts the skips on record, before any channel delivers.</summary>
    private async Task<PreparedSend> PrepareAsync(App app, SendAudience target, CancellationToken ct)
    {
        var (send, audience) = target;
        var cancelled = await sends.GetCancelledAmongAsync(send, audience.Select(a => a.Recipient.Identifier), ct);
        var sendChannels = send.Channels is null ? AppChannels.Defaults(app) : DeliveryChannels.Split(send.Channels);
        var planned = new (AudienceMember Member, ChannelPlan Plan)[audience.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, audience.Count), Concurrently(ct), async (i, token) =>
        {
            var member = audience[i];
            // Rules are per category, so a send without one needs no preference read.
            var rules = send.CategoryId is null ? null
                : (await preferences.GetAsync(send.AppId, member.Recipient.Identifier, token)).ForCategory(send.CategoryId);
            planned[i] = (member, ChannelPlanner.Plan(sendChannels, member.TopicChannels, rules));
        });
        var skips = planned.SelectMany(p => (cancelled.Contains(p.Member.Recipient.Identifier)
                ? p.Plan.Deliver.Select(c => new SkippedChannel(c, CancelledReason))
                : p.Plan.Skipped)
            .Select(s => new RecordedOutcome(p.Member.Recipient.Identifier, s.Channel, DeliveryStatus.Skipped, s.Reason)));
        await deliveries.RecordAllAsync(send.AppId, send.SendId, skips, ct);

        var toInbox = planned
            .Where(p => p.Plan.Includes(DeliveryChannels.InApp) && !cancelled.Contains(p.Member.Recipient.Identifier))
            .Select(p => new InboxTarget(p.Member.Recipient, send.ItemIdFor(p.Member.Recipient.Identifier), p.Member.InAudience))
            .ToList();
        var content = new InboxContent(send.SendId, send.CreatedAt, send.Content)
        {
            ActionsJson = send.ActionsJson,
        };
        var personalize = await templates.ForAsync(send, content, ct);
        var toChannels = planned
            .Where(p => !cancelled.Contains(p.Member.Recipient.Identifier))
            .SelectMany(p => p.Plan.Deliver.Where(c => c != DeliveryChannels.InApp).Select(c => (p.Member.Recipient, c)))
            .ToList();
        return new PreparedSend(send, toInbox, content, personalize, toChannels);
    }

    /// <summary>Writes the send's inbox items, records them, and hands the other channels on.</summary>
    private async Task CompleteAsync(App app, PreparedSend prepared, CancellationToken ct)
    {
        var (send, toInbox, content, personalize, toChannels) = prepared;
        var notRendered = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(toInbox, Concurrently(ct), async (r, token) =>
        {
            if (await writer.DeliverAsync(send.AppId, r.Recipient.Identifier, r.Id, content, r.Recipient.Profile, personalize is null ? null : personalize.Render, token)
                == DeliveryOutcome.NotRendered)
                notRendered.Add(r.Recipient.Identifier);
        });
        var failed = notRendered.ToHashSet();
        await deliveries.RecordAllAsync(send.AppId, send.SendId, toInbox.Select(r => r.Recipient.Identifier).Select(user => failed.Contains(user)
            ? new RecordedOutcome(user, DeliveryChannels.InApp, DeliveryStatus.Failed, personalize?.Error(user))
            : new RecordedOutcome(user, DeliveryChannels.InApp, DeliveryStatus.Sent)), ct);
        await dispatch.DispatchAsync(app, send, toChannels, toInbox.Select(r => r.Recipient.Identifier).ToHashSet(), ct);
    }

    private ParallelOptions Concurrently(CancellationToken ct) =>
        new() { MaxDegreeOfParallelism = options.Value.DeliveryParallelism, CancellationToken = ct };

    private sealed record InboxTarget(Recipient Recipient, long Id, bool InAudience);

    private sealed record PreparedSend(
        SendRow Send, IReadOnlyList<InboxTarget> ToInbox, InboxContent Content, InAppPersonalizer? Personalize,
        IReadOnlyList<(Recipient Recipient, string Channel)> ToChannels);
}
