using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notify.Core.Faces.Kit;
using Notify.Core.Feeds;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>
/// The subscriber API for held subscriptions: list, read, mute, unsubscribe, notifications (in the seed's
/// notification shape, so <c>readedAt</c> means the same here as in the channels API), live updates.
/// </summary>
public sealed class SubscriberSubscriptionEndpoints(
    SubscriberGate gate, FeedSubscriptions feedSubscriptions, SubscriptionStore subscriptions, FeedNotifications notifications,
    LiveUpdates live, IOptions<NotifyOptions> options)
{
    private const int DefaultLimit = 30;
    private const int MaxLimit = 100;

    public async Task<Results<Ok<List<SubscriberSubscriptionView>>, SubscriberError>> ListAsync(HttpContext context, CancellationToken ct)
    {
        var (subscriberId, failure) = await gate.EnterAsync(context, "subscriptions", required: true, ct);
        if (failure is not null) return failure;
        var held = new List<SubscriberSubscriptionView>();
        await foreach (var h in feedSubscriptions.ListAsync(subscriberId!, ct))
            held.Add(SubscriberSubscriptionView.From(h.Feed, h.Subscription));
        return TypedResults.Ok(held);
    }

    public Task<Results<Ok<SubscriberSubscriptionView>, SubscriberError>> GetAsync(HttpContext context, string id, CancellationToken ct) =>
        WithHeldAsync<Ok<SubscriberSubscriptionView>>(context, "subscription", id, ct,
            held => Task.FromResult<Results<Ok<SubscriberSubscriptionView>, SubscriberError>>(TypedResults.Ok(View(held))));

    public Task<Results<Ok<SubscriberSubscriptionView>, SubscriberError>> UpdateAsync(HttpContext context, string id, CancellationToken ct) =>
        WithHeldAsync<Ok<SubscriberSubscriptionView>>(context, "update", id, ct, async held =>
        {
            var body = await JsonBodyReader.ReadAsync(context.Request, options.Value.MaxRequestBodyBytes, ct);
            if (body.Problem == BodyProblem.TooLarge)
                return SubscriberResults.Error(StatusCodes.Status413PayloadTooLarge, "too_large", "The request body is too large.");
            if (body.Node is not JsonObject patch || patch["mute"] is not JsonValue mute || mute.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                return SubscriberResults.Invalid("Send {\"mute\": true} or {\"mute\": false}.");
            var changed = await subscriptions.SetMuteAsync(held.Feed.Id, held.Subscription.Iuid, held.Subscription.Id, mute.GetValue<bool>(), ct);
            return changed is null ? Gone() : TypedResults.Ok(SubscriberSubscriptionView.From(held.Feed, changed));
        });

    public Task<Results<NoContent, SubscriberError>> UnsubscribeAsync(HttpContext context, string id, CancellationToken ct) =>
        WithHeldAsync<NoContent>(context, "unsubscribe", id, ct, async held =>
        {
            await feedSubscriptions.UnsubscribeAsync(held, ct);
            return TypedResults.NoContent();
        });

    public Task<Results<Ok<NotificationPage>, SubscriberError>> NotificationsAsync(HttpContext context, string id, CancellationToken ct) =>
        WithHeldAsync<Ok<NotificationPage>>(context, "notifications", id, ct, async held =>
        {
            var limitText = context.Request.Query["limit"].FirstOrDefault();
            var limit = DefaultLimit;
            if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
                return SubscriberResults.Invalid($"limit must be a whole number from 1 to {MaxLimit}.");
            var page = await notifications.ListAsync(held.Subscription, limit, context.Request.Query["after"].FirstOrDefault(), ct);
            return TypedResults.Ok(new NotificationPage(page.Items.Select(NotificationView.From).ToList(), page.Next));
        });

    public Task<Results<Ok<NotificationView>, SubscriberError>> ReadAsync(HttpContext context, string id, string notificationId, CancellationToken ct) =>
        WithHeldAsync<Ok<NotificationView>>(context, "read", id, ct, async held =>
            await notifications.MarkReadAsync(held.Subscription, notificationId, ct) is { } read
                ? TypedResults.Ok(NotificationView.From(read))
                : SubscriberResults.NotFound("No such notification in this subscription."));

    public Task<Results<EventStreamResult, SubscriberError>> EventsAsync(HttpContext context, string id, CancellationToken ct) =>
        WithHeldAsync<EventStreamResult>(context, "events", id, ct,
            held => Task.FromResult<Results<EventStreamResult, SubscriberError>>(live.Stream(held.Subscription)));

    private async Task<Results<TOk, SubscriberError>> WithHeldAsync<TOk>(
        HttpContext context, string route, string id, CancellationToken ct, Func<HeldSubscription, Task<Results<TOk, SubscriberError>>> handle)
        where TOk : IResult
    {
        var (subscriberId, failure) = await gate.EnterAsync(context, route, required: true, ct);
        if (failure is not null) return failure;
        var held = await feedSubscriptions.FindAsync(subscriberId!, id, ct);
        return held is null ? Gone() : await handle(held);
    }

    private static SubscriberSubscriptionView View(HeldSubscription held) => SubscriberSubscriptionView.From(held.Feed, held.Subscription);

    private static SubscriberError Gone() => SubscriberResults.NotFound("No such subscription for this browser.");
}
