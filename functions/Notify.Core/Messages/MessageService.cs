using System.Collections.Concurrent;
using Azure;
using Microsoft.Extensions.Options;
using Notify.Core.Apps;
using Notify.Core.Channels;
using Notify.Core.Deliveries;
using Notify.Core.Inbox;
using Notify.Core.Notifications;
using Notify.Core.Pipeline;
using Notify.Core.Preferences;
using Notify.Core.Sends;
using Notify.Core.Templates;
using Notify.Core.Users;

namespace Notify.Core.Messages;

/// <summary>
/// Runs a batch of messages, each a notification for one user, in parallel and within the request: the message id
/// is claimed as a send of its own (so an id is used once per app, even by racing requests), the user is created or
/// their empty profile fields filled, muted channels are recorded as skipped, the inbox item is written or stacked,
/// and email and SMS go out while the caller waits, for a bounded time, then through the queues.
/// </summary>
public sealed class MessageService(
    SendStore sends, UserStore users, TemplateStore templates, InboxStore inbox, DeliveryStore deliveries, InAppMessages inApp,
    ImmediateChannelDelivery channels, IOptions<MessageOptions> options, TimeProvider clock)
{
    public const string MutedReason = "muted";
    private static readonly string[] Outbound = [DeliveryChannels.Email, DeliveryChannels.Sms];

    public async Task<IReadOnlyList<MessageResult>> SendAsync(App app, IReadOnlyList<MessageRequest> batch, CancellationToken ct)
    {
        var messages = batch.Select(m => m with { Id = m.Id ?? Guid.CreateVersion7().ToString() }).ToList();
        var notifications = new ConcurrentDictionary<string, Notification?>();
        await Task.WhenAll(messages.Select(m => m.NotificationId).Distinct().Select(async id =>
            notifications[id] = await templates.GetAsync(app.Id, id, ct) is { } row ? Notification.From(row) : null));
        // The index goes first: an item must never exist without the row that finds its user.
        await inbox.IndexAsync(app.Id, messages.Where(m => notifications[m.NotificationId]?.Uses(DeliveryChannels.InApp) == true)
            .Select(m => (NotificationIds.For(app.Id, SendIdOf(m.Id!), m.UserId), m.UserId)), ct);

        var now = clock.GetUtcNow();
        var prepared = new Prepared[messages.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, messages.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = ct },
            // A tick apart, so the inbox (newest first) lists a batch's messages in reverse request order, as if sent one by one.
            async (i, token) => prepared[i] = await PrepareAsync(app, messages[i], notifications[messages[i].NotificationId], now.AddTicks(i), token));

        var wait = TimeSpan.FromSeconds(options.Value.ChannelWaitSeconds);
        await Task.WhenAll(Outbound.Select(async channel =>
        {
            var work = prepared.Where(p => p.Outbound.Contains(channel)).ToList();
            if (work.Count == 0) return;
            try
            {
                var attempts = await channels.DeliverAsync(app, channel, work.Select(p => (p.Send!, p.User!)).ToList(), wait, ct);
                for (var i = 0; i < work.Count; i++) work[i].Settle(channel, attempts[i]);
            }
            catch (RequestFailedException)
            {
                // As for a failure before: the ids are given back, and a retry repeats nothing that was done.
                await Task.WhenAll(work.Select(p => p.FailAsync(sends)));
            }
        }));
        return prepared.Select(p => p.Result).ToList();
    }

    /// <summary>Batch message ids are the caller's strings: kept apart from v3 send ids and made safe for keys.</summary>
    public static string SendIdOf(string messageId) => SendIdPrefix + Storage.TableKeys.Encode(messageId);

    public const string SendIdPrefix = "m.";

    private async Task<Prepared> PrepareAsync(App app, MessageRequest message, Notification? notification, DateTimeOffset now, CancellationToken ct)
    {
        var failed = new MessageResult(message.Id!, message.NotificationId, message.UserId, Ok: false);
        if (notification is null) return new Prepared(failed with { Error = MessageErrors.NotificationNotFound });
        var send = new SendRow
        {
            AppId = app.Id, SendId = SendIdOf(message.Id!), CreatedAt = now, Status = SendStatus.FannedOut, RecipientCount = 1,
            TemplateIdentifier = notification.Id, TemplateDataJson = message.Data?.ToJsonString(),
            EmailOverrideJson = message.EmailOverride?.ToJsonString(), Channels = DeliveryChannels.Join(notification.Channels),
        };
        if (!await sends.ClaimAsync(send, ct)) return new Prepared(failed with { Error = MessageErrors.IdExists });
        try
        {
            return await DeliverAsync(app, message, notification, send, now, ct);
        }
        catch (Exception e) when (e is RequestFailedException or ProfileChangeRejectedException)
        {
            // Nothing after the claim is lost by a retry: item ids derive from the message id, so the id is given back.
            await sends.ReleaseAsync(send, CancellationToken.None);
            return new Prepared(failed with { Error = MessageErrors.Failed });
        }
        catch (UserBeingDeletedException)
        {
            await sends.ReleaseAsync(send, CancellationToken.None);
            return new Prepared(failed with { Error = MessageErrors.UserBeingDeleted });
        }
    }

    private async Task<Prepared> DeliverAsync(App app, MessageRequest message, Notification notification, SendRow send, DateTimeOffset now, CancellationToken ct)
    {
        var user = await users.FillProfileAsync(app.Id, message.UserId, message.Profile, ct);
        var mutes = NotificationMutes.Parse(user.MutesJson);
        var muted = notification.Channels.Where(c => notification.MutableChannels.Contains(c) && mutes.IsMuted(notification.Id, c)).ToList();
        await Task.WhenAll(muted.Select(c => deliveries.RecordAsync(app.Id, send.SendId, message.UserId, c, DeliveryStatus.Skipped, MutedReason, ct)));
        var statuses = muted.ToDictionary(c => c, _ => MutedReason);
        var result = new MessageResult(message.Id!, message.NotificationId, message.UserId, Ok: true);
        if (notification.Uses(DeliveryChannels.InApp) && !muted.Contains(DeliveryChannels.InApp))
        {
            var item = await inApp.DeliverAsync(app.Id, message, notification, send.SendId, user, now, ct);
            if (item.Error is not null)
                await deliveries.RecordAsync(app.Id, send.SendId, message.UserId, DeliveryChannels.InApp, DeliveryStatus.Failed, item.Error, ct);
            statuses[DeliveryChannels.InApp] = item.Error is null ? DeliveryStatus.Sent : DeliveryStatus.Failed;
            result = result with { Ok = item.Error is null, Error = item.Error is null ? null : MessageErrors.InAppTemplate, ItemId = item.ItemId, Increment = item.Increment };
            if (item.Increment > 1 && send.Increment is null)
            {
                // Email and SMS of a stacked message show its count too.
                send.Increment = item.Increment;
                await sends.TransitionAsync(send, [SendStatus.FannedOut], SendStatus.FannedOut, ct);
            }
        }
        var outbound = Outbound.Where(c => notification.Uses(c) && !muted.Contains(c)).ToList();
        return new Prepared(result with { Channels = statuses }) { Send = send, User = user, Outbound = outbound };
    }

    private sealed class Prepared(MessageResult result)
    {
        private readonly Lock gate = new();

        public MessageResult Result { get; private set; } = result;
        public SendRow? Send { get; init; }
        public UserRow? User { get; init; }
        public IReadOnlyList<string> Outbound { get; init; } = [];

        public async Task FailAsync(SendStore sends)
        {
            lock (gate) Result = new MessageResult(Result.Id, Result.NotificationId, Result.UserId, Ok: false, MessageErrors.Failed);
            await sends.ReleaseAsync(Send!, CancellationToken.None);
        }

        public void Settle(string channel, ChannelAttempt attempt)
        {
            var error = attempt.Status is DeliveryStatus.Failed or DeliveryStatus.Queued ? attempt.Error : null;
            lock (gate) Result = Result with
            {
                Channels = new Dictionary<string, string>(Result.Channels) { [channel] = attempt.Status },
                EmailError = channel == DeliveryChannels.Email ? error : Result.EmailError,
                SmsError = channel == DeliveryChannels.Sms ? error : Result.SmsError,
            };
        }
    }
}
