using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Notify.Core.Admin;

/// <summary>The operator API: apps and their keys.</summary>
public static class AdminRoutes
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapPost("admin/apps", (HttpRequest r, AdminEndpoints h, CancellationToken ct) => h.CreateAppAsync(r, ct));
        app.MapGet("admin/apps/{id}", (HttpRequest r, string id, AdminEndpoints h, CancellationToken ct) => h.GetAppAsync(r, id, ct));
        app.MapPatch("admin/apps/{id}", (HttpRequest r, string id, AdminEndpoints h, CancellationToken ct) => h.UpdateAppAsync(r, id, ct));
        app.MapPost("admin/apps/{id}/rotate-secret", (HttpRequest r, string id, AdminEndpoints h, CancellationToken ct) => h.RotateSecretAsync(r, id, ct));
    }
}
