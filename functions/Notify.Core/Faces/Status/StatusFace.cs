using Microsoft.AspNetCore.Http;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Status;

/// <summary>The notification status API's route table (seed 003).</summary>
public static class StatusFace
{
    public static readonly ApiFace Face = new("Status", ["v1"],
    [
        ApiRoute.Post("v1/notifications", (HttpRequest r, StatusEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct)),
        ApiRoute.Get("v1/notifications", (HttpRequest r, StatusEndpoints h, CancellationToken ct) => h.ListAsync(r, ct)),
        ApiRoute.Get("v1/notifications/{id}", (HttpRequest r, string id, StatusEndpoints h, CancellationToken ct) => h.GetAsync(r, id, ct)),
        ApiRoute.Post("v1/notifications/{id}/cancel", (HttpRequest r, string id, StatusEndpoints h, CancellationToken ct) => h.CancelAsync(r, id, ct)),
        ApiRoute.Delete("v1/notifications/{id}", (HttpRequest r, string id, StatusEndpoints h, CancellationToken ct) => h.DeleteAsync(r, id, ct)),
    ]);
}
