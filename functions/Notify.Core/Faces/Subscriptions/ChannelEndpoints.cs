using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notify.Core.Apps;
using Notify.Core.Faces.Kit;
using Notify.Core.Feeds;
using static Notify.Core.Faces.Subscriptions.ChannelResults;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>
/// The four endpoints of the seed's channel subscriptions API, called by an app's backend with the feed's own key.
/// Each request is throttled first, then: channel id (400), key present (401), feed (404), key matches (401).
/// </summary>
public sealed class ChannelEndpoints(
    FeedStore feeds, SubscriptionStore subscriptions, SubscriptionCodes codes, FeedNotifications notifications,
    RequestThrottle throttle, PublicLinks links, IOptions<FeedOptions> feedOptions, IOptions<NotifyOptions> options)
{
    public const string KeyHeader = "X-CHANNEL-API-KEY";
    private const int MaxIuidLength = 256;

    public Task<Results<Ok<SubscriptionCodeView>, ChannelError>> CodeAsync(HttpContext context, string channelId, string iuid, CancellationToken ct) =>
        WithFeedAsync<Ok<SubscriptionCodeView>>(context, "code", Reads, channelId, iuid, ct, async (feed, user) =>
        {
            var code = await codes.IssueAsync(feed, user, ct);
            var deepLink = links.Subscribe(context.Request, code.Code);
            return TypedResults.Ok(new SubscriptionCodeView(code.Code, QrImages.DataUrl(deepLink), deepLink, links.App(context.Request)));
        });

    public Task<Results<SubscriptionListResult, ChannelError>> ListAsync(HttpContext context, string channelId, CancellationToken ct) =>
        WithFeedAsync<SubscriptionListResult>(context, "list", Reads, channelId, null, ct,
            (feed, _) => Task.FromResult<Results<SubscriptionListResult, ChannelError>>(new SubscriptionListResult(subscriptions.StreamAsync(feed.Id, ct))));

    public Task<Results<Ok<SubscriptionView>, ChannelError>> GetAsync(HttpContext context, string channelId, string iuid, CancellationToken ct) =>
        WithFeedAsync<Ok<SubscriptionView>>(context, "get", Reads, channelId, iuid, ct, async (feed, user) =>
            await subscriptions.GetAsync(feed.Id, user, ct) is { } subscription
                ? TypedResults.Ok(SubscriptionView.From(subscription))
                : SubscriptionNotFound());

    public Task<Results<Ok<NotificationView>, ChannelError>> SendAsync(HttpContext context, string channelId, string iuid, CancellationToken ct) =>
        WithFeedAsync<Ok<NotificationView>>(context, "send", feedOptions.Value.SendsPerMinute, channelId, iuid, ct, async (feed, user) =>
        {
            var body = await JsonBodyReader.ReadAsync(context.Request, options.Value.MaxRequestBodyBytes, ct);
            if (body.Problem == BodyProblem.TooLarge) return TooLarge();
            if (body.Problem == BodyProblem.Malformed) return Invalid(["body must be valid JSON"]);
            var (send, errors) = SendNotificationBody.Read(body.Node);
            if (send is null) return Invalid(errors);
            var subscription = await subscriptions.GetAsync(feed.Id, user, ct);
            if (subscription is null) return SubscriptionNotFound();
            return TypedResults.Ok(NotificationView.From(await notifications.SendAsync(subscription, send.Title, send.Text, ct)));
        });

    private int Reads => feedOptions.Value.ReadsPerMinute;

    private async Task<Results<TOk, ChannelError>> WithFeedAsync<TOk>(
        HttpContext context, string route, int limit, string channelId, string? iuid, CancellationToken ct,
        Func<FeedRow, string, Task<Results<TOk, ChannelError>>> handle) where TOk : IResult
    {
        if (!throttle.TryAcquire(context, route, limit)) return TooManyRequests();
        if (!FeedIds.IsValid(channelId)) return InvalidChannelId();
        var key = context.Request.Headers[KeyHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(key)) return InvalidKey();
        var feed = await feeds.GetAsync(channelId, ct);
        if (feed is null) return ChannelNotFound();
        if (!Secrets.AreEqual(key, feed.ApiKey)) return InvalidKey();
        var user = iuid is null ? "" : RouteValue.Decode(iuid);
        if (user.Length > MaxIuidLength) return Invalid([$"iuid must be shorter than or equal to {MaxIuidLength} characters"]);
        return await handle(feed, user);
    }
}
