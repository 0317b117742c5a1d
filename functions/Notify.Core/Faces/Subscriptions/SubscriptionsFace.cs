using Microsoft.AspNetCore.Http;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>
/// The channel subscriptions face (seed 002): the backend's <c>channels/…</c> API, and under <c>feeds/…</c> the
/// subscriber's page and the subscriber API behind it.
/// </summary>
public static class SubscriptionsFace
{
    public static readonly ApiFace Face = new("Subscriptions", ["channels", PublicLinks.PagePrefix],
    [
        ApiRoute.Get("channels/{channelId}/subscriptions/{iuid}/code", (HttpContext c, string channelId, string iuid, ChannelEndpoints h, CancellationToken ct) => h.CodeAsync(c, channelId, iuid, ct)).Summarized("Issue a subscription code (and QR image) for a user"),
        ApiRoute.Get("channels/{channelId}/subscriptions", (HttpContext c, string channelId, ChannelEndpoints h, CancellationToken ct) => h.ListAsync(c, channelId, ct)).Summarized("List a channel's subscriptions"),
        ApiRoute.Get("channels/{channelId}/subscriptions/{iuid}", (HttpContext c, string channelId, string iuid, ChannelEndpoints h, CancellationToken ct) => h.GetAsync(c, channelId, iuid, ct)).Summarized("Read a user's subscription"),
        ApiRoute.Post("channels/{channelId}/notifications/{iuid}", (HttpContext c, string channelId, string iuid, ChannelEndpoints h, CancellationToken ct) => h.SendAsync(c, channelId, iuid, ct)).Accepts<ChannelSendRequest>().Summarized("Send a notification to a subscribed user"),

        ApiRoute.Get("feeds", (HttpContext c) => SubscriberPage.Page(c)).Answers<string>(StatusCodes.Status200OK, "text/html").Summarized("The subscriber's page"),
        ApiRoute.Get("feeds/subscribe/{code}", (HttpContext c, string code) => SubscriberPage.Page(c)).Answers<string>(StatusCodes.Status200OK, "text/html").Summarized("The subscriber's page, claiming a code"),
        ApiRoute.Get("feeds/subscriptions/{id}", (HttpContext c, string id) => SubscriberPage.Page(c)).Answers<string>(StatusCodes.Status200OK, "text/html").Summarized("The subscriber's page, on one subscription"),
        ApiRoute.Get("feeds/assets/{file}", (HttpContext c, string file) => SubscriberPage.Asset(c, file))
            .Answers<string>(StatusCodes.Status200OK, "text/javascript").Answers<string>(StatusCodes.Status404NotFound, "text/plain").Summarized("The subscriber page's script, stylesheet and icon"),

        ApiRoute.Get("feeds/api/codes/{code}", (HttpContext c, string code, SubscriberCodeEndpoints h, CancellationToken ct) => h.PreviewAsync(c, code, ct)).Summarized("What a code offers"),
        ApiRoute.Post("feeds/api/codes/{code}/claim", (HttpContext c, string code, SubscriberCodeEndpoints h, CancellationToken ct) => h.ClaimAsync(c, code, ct)).Summarized("Claim a code: subscribe"),
        ApiRoute.Get("feeds/api/subscriptions", (HttpContext c, SubscriberSubscriptionEndpoints h, CancellationToken ct) => h.ListAsync(c, ct)).Summarized("List the subscriber's subscriptions"),
        ApiRoute.Get("feeds/api/subscriptions/{id}", (HttpContext c, string id, SubscriberSubscriptionEndpoints h, CancellationToken ct) => h.GetAsync(c, id, ct)).Summarized("Read a subscription"),
        ApiRoute.Patch("feeds/api/subscriptions/{id}", (HttpContext c, string id, SubscriberSubscriptionEndpoints h, CancellationToken ct) => h.UpdateAsync(c, id, ct)).Accepts<MuteRequest>().Summarized("Mute or unmute a subscription"),
        ApiRoute.Delete("feeds/api/subscriptions/{id}", (HttpContext c, string id, SubscriberSubscriptionEndpoints h, CancellationToken ct) => h.UnsubscribeAsync(c, id, ct)).Summarized("Unsubscribe"),
        ApiRoute.Get("feeds/api/subscriptions/{id}/notifications", (HttpContext c, string id, SubscriberSubscriptionEndpoints h, CancellationToken ct) => h.NotificationsAsync(c, id, ct)).Summarized("A page of a subscription's notifications")
            .Query("limit", "Notifications a page (default 30)", 1, 100).Query("after", "The next of the previous page"),
        ApiRoute.Post("feeds/api/subscriptions/{id}/notifications/{notificationId}/read", (HttpContext c, string id, string notificationId, SubscriberSubscriptionEndpoints h, CancellationToken ct) => h.ReadAsync(c, id, notificationId, ct)).Summarized("Mark a notification read"),
        ApiRoute.Get("feeds/api/subscriptions/{id}/events", (HttpContext c, string id, SubscriberSubscriptionEndpoints h, CancellationToken ct) => h.EventsAsync(c, id, ct)).Summarized("A subscription's live updates (server-sent events)"),
    ])
    {
        Description = new("subscriptions", "Notify channel subscriptions API",
            "Channels (feeds) a user subscribes to from a phone: the backend's channels API (codes, subscriptions, sends), called with the " +
            "channel's own key; and under /feeds the subscriber's page and the subscriber API behind it, which authenticates with the " +
            "credential a claimed code issues (a bearer token, or the page's HttpOnly cookie).",
            [
                ApiSecurity.InHeader("channelKey", ChannelEndpoints.KeyHeader, "The channel's API key (the channels API)."),
                ApiSecurity.Bearer("subscriberCredential", "The subscriber credential a claimed code returned (the subscriber API)."),
                ApiSecurity.InCookie("subscriberCookie", SubscriberGate.CookieName, "The subscriber credential as the subscriber page keeps it."),
            ],
            [
                new ApiErrors("channels", typeof(ChannelErrorBody), 400, 401, 404, 413, 429),
                new ApiErrors("feeds/api", typeof(SubscriberErrorBody), 400, 401, 403, 404, 410, 413, 429),
            ])
        {
            Requirements = [["channelKey"], ["subscriberCredential"], ["subscriberCookie"], []],
        },
    };
}
