using Microsoft.AspNetCore.Http;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.V3;

/// <summary>
/// The v3 face's route table (and the one v4 route the same clients call). The user-facing routes answer browsers
/// from other origins (CORS, <see cref="BrowserAccess"/>); the backend's routes do not.
/// </summary>
public static class V3Face
{
    private static readonly ApiRoute[] UserRoutes =
    [
        ApiRoute.Get("v3/notifications", (HttpRequest r, V3InboxEndpoints h, CancellationToken ct) => h.ListAsync(r, ct)).Summarized("A page of the user's inbox")
            .Query("pageNo", "The page, from 1", 1, int.MaxValue / 100).Query("limit", "Items a page (default 15)", 1, 100)
            .Query("category", "Only items of this category").Query("cursor", "The nextCursor of the previous page, instead of pageNo"),
        ApiRoute.Get("v3/notifications/stream", (HttpRequest r, V3StreamEndpoints h, CancellationToken ct) => h.StreamAsync(r, ct)).Summarized("Server-sent events of the user's inbox")
            .Query("apiKey", "The app's API key, when a ticket stands in for the headers").Query("userId", "The user, when a ticket stands in for the headers")
            .Query("ticket", "A single-use ticket from stream-tickets, for browsers' EventSource").Query("lastEventId", "The last event seen, as Last-Event-ID"),
        ApiRoute.Post("v3/notifications/stream-tickets", (HttpRequest r, V3StreamEndpoints h, CancellationToken ct) => h.IssueTicketAsync(r, ct)).Summarized("A single-use, short-lived ticket to open the stream"),
        ApiRoute.Post("v3/notifications/markAllNotificationsAsSeen", (HttpRequest r, V3InboxEndpoints h, CancellationToken ct) => h.MarkAllSeenAsync(r, ct)).Summarized("Mark the whole inbox seen"),
        ApiRoute.Get("v3/notifications/{id}", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.GetAsync(r, id, ct)).Summarized("Read an inbox item"),
        ApiRoute.Delete("v3/notifications/{id}", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.DeleteAsync(r, id, ct)).Summarized("Delete an inbox item"),
        ApiRoute.Post("v3/notifications/{id}/click", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.ClickAsync(r, id, ct)).Summarized("Mark an inbox item clicked (read)"),
        ApiRoute.Patch("v3/notifications/{id}/click", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.PatchClickAsync(r, id, ct)).Accepts<V3ClickRequest>().Summarized("Mark an inbox item read or unread"),
        ApiRoute.Delete("v3/notifications/{id}/reads", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.MarkUnreadAsync(r, id, ct)).Summarized("Mark an inbox item unread"),
        ApiRoute.Post("v3/notifications/{id}/responses", (HttpRequest r, string id, V3ResponseEndpoints h, CancellationToken ct) => h.AnswerAsync(r, id, ct)).Answers<InboxItemView>(StatusCodes.Status201Created).Accepts<V3AnswerRequest>().Summarized("Answer an inbox item's actions"),
        ApiRoute.Delete("v3/notifications/{id}/views", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.MarkUnseenAsync(r, id, ct)).Summarized("Mark an inbox item unseen"),
        ApiRoute.Get("v3/profile", (HttpRequest r, V3ProfileEndpoints h, CancellationToken ct) => h.GetAsync(r, ct)).Summarized("The user's profile"),
        ApiRoute.Put("v3/profile", (HttpRequest r, V3ProfileEndpoints h, CancellationToken ct) => h.PutAsync(r, ct)).Accepts<V3ProfileRequest>().Summarized("Set the user's profile"),
        ApiRoute.Patch("v3/profile", (HttpRequest r, V3ProfileEndpoints h, CancellationToken ct) => h.PatchAsync(r, ct)).Accepts<V3ProfileRequest>().Summarized("Change fields of the user's profile"),
        ApiRoute.Get("v3/preferences", (HttpRequest r, V3PreferenceEndpoints h, CancellationToken ct) => h.GetAsync(r, ct)).Summarized("The user's channel preferences per category"),
        ApiRoute.Patch("v3/preferences", (HttpRequest r, V3PreferenceEndpoints h, CancellationToken ct) => h.SetAsync(r, ct)).Accepts<V3PreferenceRequest>().Summarized("Change the user's preferences"),
        ApiRoute.Put("v3/preferences", (HttpRequest r, V3PreferenceEndpoints h, CancellationToken ct) => h.SetAsync(r, ct)).Accepts<V3PreferenceRequest>().Summarized("Set the user's preferences"),
        ApiRoute.Post("v3/sdk/connect", (HttpRequest r, V3SdkEndpoints h, CancellationToken ct) => h.ConnectAsync(r, ct)).Accepts<V3ConnectRequest>().Summarized("Connect a device: the app settings an SDK needs"),
        ApiRoute.Get("v3/categories", (HttpRequest r, V3CategoryEndpoints h, CancellationToken ct) => h.ListAsync(r, ct)).Summarized("List categories"),
    ];

    private static readonly ApiRoute[] BackendRoutes =
    [
        ApiRoute.Post("v3/notifications", (HttpRequest r, V3SendEndpoints h, CancellationToken ct) => h.SendAsync(r, ct)).Accepts<V3SendRequest>().Summarized("Send a notification"),
        ApiRoute.Post("v3/users", (HttpRequest r, V3UserEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct)).Accepts<V3UserRequest>().Summarized("Create or update a user"),
        ApiRoute.Put("v3/users/{identifier}", (HttpRequest r, string identifier, V3UserEndpoints h, CancellationToken ct) => h.PutAsync(r, identifier, ct)).Accepts<V3UserRequest>().Summarized("Create or update a user by identifier"),
        ApiRoute.Delete("v3/users/{identifier}", (HttpRequest r, string identifier, V3UserEndpoints h, CancellationToken ct) => h.DeleteAsync(r, identifier, ct)).Summarized("Delete a user and everything theirs"),
        ApiRoute.Post("v3/templates", (HttpRequest r, V3TemplateEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct)).Accepts<V3TemplateRequest>().Summarized("Create a template"),
        ApiRoute.Get("v3/templates", (HttpRequest r, V3TemplateEndpoints h, CancellationToken ct) => h.ListAsync(r, ct)).Summarized("List templates"),
        ApiRoute.Get("v3/templates/{identifier}", (HttpRequest r, string identifier, V3TemplateEndpoints h, CancellationToken ct) => h.GetAsync(r, identifier, ct)).Summarized("Read a template"),
        ApiRoute.Put("v3/templates/{identifier}", (HttpRequest r, string identifier, V3TemplateEndpoints h, CancellationToken ct) => h.ReplaceAsync(r, identifier, ct)).Accepts<V3TemplateRequest>().Summarized("Replace a template"),
        ApiRoute.Delete("v3/templates/{identifier}", (HttpRequest r, string identifier, V3TemplateEndpoints h, CancellationToken ct) => h.DeleteAsync(r, identifier, ct)).Summarized("Delete a template"),
        ApiRoute.Get("v3/requests/{requestId}/deliveries", (HttpRequest r, string requestId, V3DeliveryEndpoints h, CancellationToken ct) => h.ListAsync(r, requestId, ct)).Summarized("A send's deliveries per channel")
            .Query("limit", "Deliveries a page (default 100)", 1, 1000).Query("status", "Only deliveries in this status")
            .Query("channel", "Only deliveries on this channel").Query("continuationToken", "From the previous page, to read the next"),
        ApiRoute.Post("v3/categories", (HttpRequest r, V3CategoryEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct)).Accepts<V3CategoryRequest>().Summarized("Create a category"),
        ApiRoute.Post("v3/notifications/categories", (HttpRequest r, V3CategoryEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct)).Accepts<V3CategoryRequest>().Summarized("Create a category (vendor alias)"),
        ApiRoute.Delete("v3/categories/{id}", (HttpRequest r, string id, V3CategoryEndpoints h, CancellationToken ct) => h.DeleteAsync(r, id, ct)).Summarized("Delete a category"),
        ApiRoute.Delete("v3/notifications/categories/{id}", (HttpRequest r, string id, V3CategoryEndpoints h, CancellationToken ct) => h.DeleteAsync(r, id, ct)).Summarized("Delete a category (vendor alias)"),
        ApiRoute.Post("v3/topics", (HttpRequest r, V3TopicEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct)).Accepts<V3TopicRequest>().Summarized("Create a topic"),
        ApiRoute.Patch("v3/topics/{id}", (HttpRequest r, string id, V3TopicEndpoints h, CancellationToken ct) => h.RenameAsync(r, id, ct)).Accepts<V3TopicRequest>().Summarized("Rename a topic"),
        ApiRoute.Delete("v3/topics/{id}", (HttpRequest r, string id, V3TopicEndpoints h, CancellationToken ct) => h.DeleteAsync(r, id, ct)).Summarized("Delete a topic"),
        ApiRoute.Post("v3/topics/{id}/users", (HttpRequest r, string id, V3TopicEndpoints h, CancellationToken ct) => h.AddUsersAsync(r, id, ct)).Accepts<V3TopicUsersRequest>().Summarized("Subscribe users to a topic"),
        ApiRoute.Post("v3/topics/{id}/detachUsers", (HttpRequest r, string id, V3TopicEndpoints h, CancellationToken ct) => h.DetachUsersAsync(r, id, ct)).Accepts<V3TopicUsersRequest>().Summarized("Unsubscribe users from a topic"),
        ApiRoute.Put("v3/topics/{id}/users/{identifier}", (HttpRequest r, string id, string identifier, V3TopicEndpoints h, CancellationToken ct) => h.SetUserChannelsAsync(r, id, identifier, ct)).Accepts<V3TopicChannelsRequest>().Summarized("Set a topic member's channels"),
        ApiRoute.Get("v3/topics/subscriptions/{identifier}", (HttpRequest r, string identifier, V3TopicEndpoints h, CancellationToken ct) => h.ListSubscriptionsAsync(r, identifier, ct)).Summarized("A user's topic subscriptions"),
        ApiRoute.Patch("v4/workflows/{identifier}", (HttpRequest r, string identifier, V4WorkflowEndpoints h, CancellationToken ct) => h.CancelAsync(r, identifier, ct)).Accepts<V3WorkflowCancelRequest>().Summarized("Cancel workflow runs by cancellation key"),
    ];

    public static readonly ApiFace Face = new("V3", ["v3", "v4", InboxComponent.Path],
    [
        .. UserRoutes,
        .. BackendRoutes,
        .. BrowserAccess.Preflights(UserRoutes, V3Headers.FromBrowsers),
        new(HttpMethods.Get, InboxComponent.Path, (HttpContext c) => InboxComponent.Script(c)) { Undocumented = true },
    ])
    {
        Description = new("v3", "Notify v3 API",
            "The v3 notification API and its extensions: sends, the in-app inbox, users, templates, topics, categories, preferences, " +
            "deliveries, and the v4 workflow cancel. Backend calls carry the app's key and secret; inbox calls carry the key and the user " +
            "(with a signature when the app requires HMAC, or a user token in secure mode).",
            [
                ApiSecurity.InHeader("apiKey", V3Headers.ApiKey, "The app's public API key."),
                ApiSecurity.InHeader("apiSecret", V3Headers.ApiSecret, "The app's API secret (backend calls only; X-ENGAGESPOT-SECRET-KEY is accepted too)."),
                ApiSecurity.InHeader("userId", V3Headers.UserId, "The user an inbox call acts for."),
                ApiSecurity.InHeader("userSignature", V3Headers.UserSignature, "HMAC-SHA256 of the user id with the API secret, base64; required when the app requires HMAC."),
                ApiSecurity.Bearer("userToken", "A user token signed with the app's key pair (secure mode)."),
            ],
            [ApiErrors.All(typeof(V3ErrorBody), 400, 401, 403, 404, 409, 413)])
        {
            Requirements = [["apiKey", "apiSecret"], ["apiKey", "userId"], ["apiKey", "userId", "userSignature"], ["userToken"]],
        },
    };
}
