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
        ApiRoute.Get("channels/{channelId}/subscriptions/{iuid}/code", (HttpContext c, string channelId, string iuid, ChannelEndpoints h, CancellationToken ct) => h.CodeAsync(c, channelId, iuid, ct)),
        ApiRoute.Get("channels/{channelId}/subscriptions", (HttpContext c, string channelId, ChannelEndpoints h, CancellationToken ct) => h.ListAsync(c, channelId, ct)),
        ApiRoute.Get("channels/{channelId}/subscriptions/{iuid}", (HttpContext c, string channelId, string iuid, ChannelEndpoints h, CancellationToken ct) => h.GetAsync(c, channelId, iuid, ct)),
        ApiRoute.Post("channels/{channelId}/notifications/{iuid}", (HttpContext c, string channelId, string iuid, ChannelEndpoints h, CancellationToken ct) => h.SendAsync(c, channelId, iuid, ct)).Accepts<ChannelSendRequest>(),

        ApiRoute.Get("feeds", (HttpContext c) => SubscriberPage.Page(c)).Answers<string>(StatusCodes.Status200OK, "text/html"),
        ApiRoute.Get("feeds/subscribe/{code}", (HttpContext c) => SubscriberPage.Page(c)).Answers<string>(StatusCodes.Status200OK, "text/html"),
        ApiRoute.Get("feeds/subscriptions/{id}", (HttpContext c) => SubscriberPage.Page(c)).Answers<string>(StatusCodes.Status200OK, "text/html"),
        ApiRoute.Get("feeds/assets/{file}", (HttpContext c, string file) => SubscriberPage.Asset(c, file))
            .Answers<string>(StatusCodes.Status200OK, "text/javascript").Answers<string>(StatusCodes.Status404NotFound, "text/plain"),

        ApiRoute.Get("feeds/api/codes/{code}", (HttpContext c, string code, SubscriberCodeEndpoints h, CancellationToken ct) => h.PreviewAsync(c, code, ct)),
        ApiRoute.Post("feeds/api/codes/{code}/claim", (HttpContext c, string code, SubscriberCodeEndpoints h, CancellationToken ct) => h.ClaimAsync(c, code, ct)),
        ApiRoute.Get("feeds/api/subscriptions", (HttpContext c, SubscriberSubscriptionEndpoints h, CancellationToken ct) => h.ListAsync(c, ct)),
        ApiRoute.Get("feeds/api/subscriptions/{id}", (HttpContext c, string id, SubscriberSubscriptionEndpoints h, CancellationToken ct) => h.GetAsync(c, id, ct)),
        ApiRoute.Patch("feeds/api/subscriptions/{id}", (HttpContext c, string id, SubscriberSubscriptionEndpoints h, CancellationToken ct) => h.UpdateAsync(c, id, ct)).Accepts<MuteRequest>(),
        ApiRoute.Delete("feeds/api/subscriptions/{id}", (HttpContext c, string id, SubscriberSubscriptionEndpoints h, CancellationToken ct) => h.UnsubscribeAsync(c, id, ct)),
        ApiRoute.Get("feeds/api/subscriptions/{id}/notifications", (HttpContext c, string id, SubscriberSubscriptionEndpoints h, CancellationToken ct) => h.NotificationsAsync(c, id, ct)),
        ApiRoute.Post("feeds/api/subscriptions/{id}/notifications/{notificationId}/read", (HttpContext c, string id, string notificationId, SubscriberSubscriptionEndpoints h, CancellationToken ct) => h.ReadAsync(c, id, notificationId, ct)),
        ApiRoute.Get("feeds/api/subscriptions/{id}/events", (HttpContext c, string id, SubscriberSubscriptionEndpoints h, CancellationToken ct) => h.EventsAsync(c, id, ct)),
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
