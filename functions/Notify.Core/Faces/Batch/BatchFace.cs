using Microsoft.AspNetCore.Http;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Batch;

/// <summary>The batch messages API (seed 004) and the front API its in-app widget calls.</summary>
public static class BatchFace
{
    public static readonly ApiFace Face = new("Batch", ["messages.send", "users.upsert", "front"],
    [
        ApiRoute.Post("messages.send", (HttpRequest r, BatchEndpoints h, CancellationToken ct) => h.SendAsync(r, ct)),
        ApiRoute.Post("users.upsert", (HttpRequest r, BatchEndpoints h, CancellationToken ct) => h.UpsertUsersAsync(r, ct)),
        ApiRoute.Get("front/users.get", (HttpContext c, FrontEndpoints h, CancellationToken ct) => h.GetUserAsync(c, ct)),
        ApiRoute.Get("front/messages.list", (HttpContext c, FrontEndpoints h, CancellationToken ct) => h.ListMessagesAsync(c, ct)),
        ApiRoute.Post("front/messages.read", (HttpContext c, FrontEndpoints h, CancellationToken ct) => h.ReadAsync(c, ct)),
        ApiRoute.Post("front/messages.readAll", (HttpContext c, FrontEndpoints h, CancellationToken ct) => h.ReadAllAsync(c, ct)),
        ApiRoute.Post("front/users.setProfile", (HttpContext c, FrontEndpoints h, CancellationToken ct) => h.SetProfileAsync(c, ct)),
        new(HttpMethods.Options, "front/{*path}", (HttpContext c) => FrontEndpoints.Preflight(c)),
    ]);
}
