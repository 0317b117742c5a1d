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
        ApiRoute.Get("front/users.get", (HttpContext c, FrontEndpoints h, CancellationToken ct) => h.GetUserAsync(c, ct)),
        ApiRoute.Get("front/messages.list", (HttpContext c, FrontEndpoints h, CancellationToken ct) => h.ListMessagesAsync(c, ct)),
        ApiRoute.Post("front/messages.read", (HttpContext c, FrontEndpoints h, CancellationToken ct) => h.ReadAsync(c, ct)),
        ApiRoute.Post("front/messages.readAll", (HttpContext c, FrontEndpoints h, CancellationToken ct) => h.ReadAllAsync(c, ct)),
        ApiRoute.Post("front/users.setProfile", (HttpContext c, FrontEndpoints h, CancellationToken ct) => h.SetProfileAsync(c, ct)),
    ];

    public static readonly ApiFace Face = new("Batch", ["messages.send", "users.upsert", "front"],
    [
        ApiRoute.Post("messages.send", (HttpRequest r, BatchEndpoints h, CancellationToken ct) => h.SendAsync(r, ct)),
        ApiRoute.Post("users.upsert", (HttpRequest r, BatchEndpoints h, CancellationToken ct) => h.UpsertUsersAsync(r, ct)),
        .. FrontRoutes,
        .. BrowserAccess.Preflights(FrontRoutes, ["Content-Type"]),
    ]);
}
