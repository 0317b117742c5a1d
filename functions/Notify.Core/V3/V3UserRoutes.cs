using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Notify.Core.V3;

/// <summary>v3 user management routes.</summary>
public static class V3UserRoutes
{
    public static void MapV3Users(this IEndpointRouteBuilder app)
    {
        app.MapPost("v3/users", (HttpRequest r, V3UserEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct));
        app.MapPut("v3/users/{identifier}", (HttpRequest r, string identifier, V3UserEndpoints h, CancellationToken ct) => h.PutAsync(r, identifier, ct));
        app.MapDelete("v3/users/{identifier}", (HttpRequest r, string identifier, V3UserEndpoints h, CancellationToken ct) => h.DeleteAsync(r, identifier, ct));
    }
}
