using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Notify.Core.V3;

/// <summary>v3 category routes, at both path forms the vendor's clients use.</summary>
public static class V3CategoryRoutes
{
    public static void MapV3Categories(this IEndpointRouteBuilder app)
    {
        app.MapGet("v3/categories", (HttpRequest r, V3CategoryEndpoints h, CancellationToken ct) => h.ListAsync(r, ct));
        app.MapPost("v3/categories", (HttpRequest r, V3CategoryEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct));
        app.MapPost("v3/notifications/categories", (HttpRequest r, V3CategoryEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct));
        app.MapDelete("v3/categories/{id}", (HttpRequest r, string id, V3CategoryEndpoints h, CancellationToken ct) => h.DeleteAsync(r, id, ct));
        app.MapDelete("v3/notifications/categories/{id}", (HttpRequest r, string id, V3CategoryEndpoints h, CancellationToken ct) => h.DeleteAsync(r, id, ct));
    }
}
