using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Notify.Core.V3;

/// <summary>Template management and a send's delivery records.</summary>
public static class V3TemplateRoutes
{
    public static void MapV3Templates(this IEndpointRouteBuilder app)
    {
        app.MapPost("v3/templates", (HttpRequest r, V3TemplateEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct));
        app.MapGet("v3/templates", (HttpRequest r, V3TemplateEndpoints h, CancellationToken ct) => h.ListAsync(r, ct));
        app.MapGet("v3/templates/{identifier}", (HttpRequest r, string identifier, V3TemplateEndpoints h, CancellationToken ct) => h.GetAsync(r, identifier, ct));
        app.MapPut("v3/templates/{identifier}", (HttpRequest r, string identifier, V3TemplateEndpoints h, CancellationToken ct) => h.ReplaceAsync(r, identifier, ct));
        app.MapDelete("v3/templates/{identifier}", (HttpRequest r, string identifier, V3TemplateEndpoints h, CancellationToken ct) => h.DeleteAsync(r, identifier, ct));
        app.MapGet("v3/requests/{requestId}/deliveries", (HttpRequest r, string requestId, V3DeliveryEndpoints h, CancellationToken ct) => h.ListAsync(r, requestId, ct));
    }
}
