using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Notify.Core.V3;

/// <summary>v3 routes a user calls about themselves: profile, preferences, SDK connect.</summary>
public static class V3AccountRoutes
{
    public static void MapV3Account(this IEndpointRouteBuilder app)
    {
        app.MapGet("v3/profile", (HttpRequest r, V3ProfileEndpoints h, CancellationToken ct) => h.GetAsync(r, ct));
        app.MapPut("v3/profile", (HttpRequest r, V3ProfileEndpoints h, CancellationToken ct) => h.PutAsync(r, ct));
        app.MapPatch("v3/profile", (HttpRequest r, V3ProfileEndpoints h, CancellationToken ct) => h.PatchAsync(r, ct));
        app.MapGet("v3/preferences", (HttpRequest r, V3PreferenceEndpoints h, CancellationToken ct) => h.GetAsync(r, ct));
        app.MapPatch("v3/preferences", (HttpRequest r, V3PreferenceEndpoints h, CancellationToken ct) => h.SetAsync(r, ct));
        app.MapPut("v3/preferences", (HttpRequest r, V3PreferenceEndpoints h, CancellationToken ct) => h.SetAsync(r, ct));
        app.MapPost("v3/sdk/connect", (HttpRequest r, V3SdkEndpoints h, CancellationToken ct) => h.ConnectAsync(r, ct));
    }
}
