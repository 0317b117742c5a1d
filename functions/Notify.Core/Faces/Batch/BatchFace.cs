using Microsoft.AspNetCore.Http;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Batch;

/// <summary>
/// The batch messages API (seed 004) and the front API its in-app widget calls; only the front API answers browsers
/// from other origins (<see cref="BrowserAccess"/>).
/// </summary>
public static class BatchFace
{
    private static readonly ApiRoute[] FrontRoutes =
    [
        ApiRoute.Get("front/users.get", (HttpContext c, FrontEndpoints h, CancellationToken ct) => h.GetUserAsync(c, ct)).Summarized("The widget's user, with the notifications it can mute"),
        ApiRoute.Get("front/messages.list", (HttpContext c, FrontEndpoints h, CancellationToken ct) => h.ListMessagesAsync(c, ct)).Summarized("A page of the widget user's messages")
            .Query("skip", "Messages to skip", 0, 10_000).Query("limit", "Messages to return (default 20)", 1, 100),
        ApiRoute.Post("front/messages.read", (HttpContext c, FrontEndpoints h, CancellationToken ct) => h.ReadAsync(c, ct)).Accepts<FrontReadRequest>().Summarized("Mark a message read"),
        ApiRoute.Post("front/messages.readAll", (HttpContext c, FrontEndpoints h, CancellationToken ct) => h.ReadAllAsync(c, ct)).Accepts<FrontRequest>().Summarized("Mark every message read"),
        ApiRoute.Post("front/users.setProfile", (HttpContext c, FrontEndpoints h, CancellationToken ct) => h.SetProfileAsync(c, ct)).Accepts<FrontProfileRequest>().Summarized("Change the widget user's profile and mutes"),
    ];

    public static readonly ApiFace Face = new("Batch", ["messages.send", "users.upsert", "front"],
    [
        ApiRoute.Post("messages.send", (HttpRequest r, BatchEndpoints h, CancellationToken ct) => h.SendAsync(r, ct)).Accepts<BatchSendRequest>().Summarized("Send up to 50 messages"),
        ApiRoute.Post("users.upsert", (HttpRequest r, BatchEndpoints h, CancellationToken ct) => h.UpsertUsersAsync(r, ct)).Accepts<BatchUpsertRequest>().Summarized("Create or update up to 100 users"),
        .. FrontRoutes,
        .. BrowserAccess.Preflights(FrontRoutes, ["Content-Type"]),
    ])
    {
        Description = new("batch", "Notify batch messages API",
            "The batch messages API: messages.send (up to 50 messages) and users.upsert (up to 100 users), called by a backend " +
            "with its API secret; and the in-app widget's front API, which names projectId, userId and userHmac " +
            "(hex HMAC-SHA256 of the user id with the API secret) in the query of a GET or the JSON body of a POST.",
            [
                ApiSecurity.Bearer("apiSecret", "The app's API secret (backend calls)."),
                ApiSecurity.InQuery("projectId", "projectId", "The app id (widget calls; in a POST's body or the query)."),
                ApiSecurity.InQuery("userId", "userId", "The user the widget shows (widget calls; in a POST's body or the query)."),
                ApiSecurity.InQuery("userHmac", "userHmac", "Hex HMAC-SHA256 of the user id with the API secret (widget calls)."),
            ],
            [ApiErrors.All(typeof(BatchErrorBody), 400, 401, 403, 404, 409, 413)])
        {
            Requirements = [["apiSecret"], ["projectId", "userId", "userHmac"]],
        },
    };
}
