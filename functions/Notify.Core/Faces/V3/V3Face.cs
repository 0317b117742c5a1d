using Microsoft.AspNetCore.Http;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.V3;

/// <summary>The v3 face's route table (and the one v4 route the same clients call).</summary>
public static class V3Face
{
    public static readonly ApiFace Face = new("V3", ["v3", "v4"],
    [
        ApiRoute.Post("v3/notifications", (HttpRequest r, V3SendEndpoints h, CancellationToken ct) => h.SendAsync(r, ct)).Accepts<V3SendRequest>(),
        ApiRoute.Get("v3/notifications", (HttpRequest r, V3InboxEndpoints h, CancellationToken ct) => h.ListAsync(r, ct)),
        ApiRoute.Post("v3/notifications/markAllNotificationsAsSeen", (HttpRequest r, V3InboxEndpoints h, CancellationToken ct) => h.MarkAllSeenAsync(r, ct)),
        ApiRoute.Get("v3/notifications/{id}", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.GetAsync(r, id, ct)),
        ApiRoute.Delete("v3/notifications/{id}", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.DeleteAsync(r, id, ct)),
        ApiRoute.Post("v3/notifications/{id}/click", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.ClickAsync(r, id, ct)),
        ApiRoute.Patch("v3/notifications/{id}/click", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.PatchClickAsync(r, id, ct)).Accepts<V3ClickRequest>(),
        ApiRoute.Delete("v3/notifications/{id}/reads", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.MarkUnreadAsync(r, id, ct)),
        ApiRoute.Post("v3/notifications/{id}/responses", (HttpRequest r, string id, V3ResponseEndpoints h, CancellationToken ct) => h.AnswerAsync(r, id, ct)).Answers<InboxItemView>(StatusCodes.Status201Created).Accepts<V3AnswerRequest>(),
        ApiRoute.Delete("v3/notifications/{id}/views", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.MarkUnseenAsync(r, id, ct)),
        ApiRoute.Post("v3/users", (HttpRequest r, V3UserEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct)).Accepts<V3UserRequest>(),
        ApiRoute.Put("v3/users/{identifier}", (HttpRequest r, string identifier, V3UserEndpoints h, CancellationToken ct) => h.PutAsync(r, identifier, ct)).Accepts<V3UserRequest>(),
        ApiRoute.Delete("v3/users/{identifier}", (HttpRequest r, string identifier, V3UserEndpoints h, CancellationToken ct) => h.DeleteAsync(r, identifier, ct)),
        ApiRoute.Post("v3/templates", (HttpRequest r, V3TemplateEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct)).Accepts<V3TemplateRequest>(),
        ApiRoute.Get("v3/templates", (HttpRequest r, V3TemplateEndpoints h, CancellationToken ct) => h.ListAsync(r, ct)),
        ApiRoute.Get("v3/templates/{identifier}", (HttpRequest r, string identifier, V3TemplateEndpoints h, CancellationToken ct) => h.GetAsync(r, identifier, ct)),
        ApiRoute.Put("v3/templates/{identifier}", (HttpRequest r, string identifier, V3TemplateEndpoints h, CancellationToken ct) => h.ReplaceAsync(r, identifier, ct)).Accepts<V3TemplateRequest>(),
        ApiRoute.Delete("v3/templates/{identifier}", (HttpRequest r, string identifier, V3TemplateEndpoints h, CancellationToken ct) => h.DeleteAsync(r, identifier, ct)),
        ApiRoute.Get("v3/requests/{requestId}/deliveries", (HttpRequest r, string requestId, V3DeliveryEndpoints h, CancellationToken ct) => h.ListAsync(r, requestId, ct)),
        ApiRoute.Get("v3/profile", (HttpRequest r, V3ProfileEndpoints h, CancellationToken ct) => h.GetAsync(r, ct)),
        ApiRoute.Put("v3/profile", (HttpRequest r, V3ProfileEndpoints h, CancellationToken ct) => h.PutAsync(r, ct)).Accepts<V3ProfileRequest>(),
        ApiRoute.Patch("v3/profile", (HttpRequest r, V3ProfileEndpoints h, CancellationToken ct) => h.PatchAsync(r, ct)).Accepts<V3ProfileRequest>(),
        ApiRoute.Get("v3/preferences", (HttpRequest r, V3PreferenceEndpoints h, CancellationToken ct) => h.GetAsync(r, ct)),
        ApiRoute.Patch("v3/preferences", (HttpRequest r, V3PreferenceEndpoints h, CancellationToken ct) => h.SetAsync(r, ct)).Accepts<V3PreferenceRequest>(),
        ApiRoute.Put("v3/preferences", (HttpRequest r, V3PreferenceEndpoints h, CancellationToken ct) => h.SetAsync(r, ct)).Accepts<V3PreferenceRequest>(),
        ApiRoute.Post("v3/sdk/connect", (HttpRequest r, V3SdkEndpoints h, CancellationToken ct) => h.ConnectAsync(r, ct)).Accepts<V3ConnectRequest>(),
        ApiRoute.Get("v3/categories", (HttpRequest r, V3CategoryEndpoints h, CancellationToken ct) => h.ListAsync(r, ct)),
        ApiRoute.Post("v3/categories", (HttpRequest r, V3CategoryEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct)).Accepts<V3CategoryRequest>(),
        ApiRoute.Post("v3/notifications/categories", (HttpRequest r, V3CategoryEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct)).Accepts<V3CategoryRequest>(),
        ApiRoute.Delete("v3/categories/{id}", (HttpRequest r, string id, V3CategoryEndpoints h, CancellationToken ct) => h.DeleteAsync(r, id, ct)),
        ApiRoute.Delete("v3/notifications/categories/{id}", (HttpRequest r, string id, V3CategoryEndpoints h, CancellationToken ct) => h.DeleteAsync(r, id, ct)),
        ApiRoute.Post("v3/topics", (HttpRequest r, V3TopicEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct)).Accepts<V3TopicRequest>(),
        ApiRoute.Patch("v3/topics/{id}", (HttpRequest r, string id, V3TopicEndpoints h, CancellationToken ct) => h.RenameAsync(r, id, ct)).Accepts<V3TopicRequest>(),
        ApiRoute.Delete("v3/topics/{id}", (HttpRequest r, string id, V3TopicEndpoints h, CancellationToken ct) => h.DeleteAsync(r, id, ct)),
        ApiRoute.Post("v3/topics/{id}/users", (HttpRequest r, string id, V3TopicEndpoints h, CancellationToken ct) => h.AddUsersAsync(r, id, ct)).Accepts<V3TopicUsersRequest>(),
        ApiRoute.Post("v3/topics/{id}/detachUsers", (HttpRequest r, string id, V3TopicEndpoints h, CancellationToken ct) => h.DetachUsersAsync(r, id, ct)).Accepts<V3TopicUsersRequest>(),
        ApiRoute.Put("v3/topics/{id}/users/{identifier}", (HttpRequest r, string id, string identifier, V3TopicEndpoints h, CancellationToken ct) => h.SetUserChannelsAsync(r, id, identifier, ct)).Accepts<V3TopicChannelsRequest>(),
        ApiRoute.Get("v3/topics/subscriptions/{identifier}", (HttpRequest r, string identifier, V3TopicEndpoints h, CancellationToken ct) => h.ListSubscriptionsAsync(r, identifier, ct)),
        ApiRoute.Patch("v4/workflows/{identifier}", (HttpRequest r, string identifier, V4WorkflowEndpoints h, CancellationToken ct) => h.CancelAsync(r, identifier, ct)).Accepts<V3WorkflowCancelRequest>(),
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
            [ApiErrors.All(typeof(V3ErrorBody), 400, 401, 404, 409, 413)])
        {
            Requirements = [["apiKey", "apiSecret"], ["apiKey", "userId"], ["apiKey", "userId", "userSignature"], ["userToken"]],
        },
    };
}
