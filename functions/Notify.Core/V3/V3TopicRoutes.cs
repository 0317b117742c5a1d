using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Notify.Core.V3;

/// <summary>v3 topic routes, and the workflow cancellation that shares the v3 dialect under /v4.</summary>
public static class V3TopicRoutes
{
    public static void MapV3Topics(this IEndpointRouteBuilder app)
    {
        app.MapPost("v3/topics", (HttpRequest r, V3TopicEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct));
        app.MapPatch("v3/topics/{id}", (HttpRequest r, string id, V3TopicEndpoints h, CancellationToken ct) => h.RenameAsync(r, id, ct));
        app.MapDelete("v3/topics/{id}", (HttpRequest r, string id, V3TopicEndpoints h, CancellationToken ct) => h.DeleteAsync(r, id, ct));
        app.MapPost("v3/topics/{id}/users", (HttpRequest r, string id, V3TopicEndpoints h, CancellationToken ct) => h.AddUsersAsync(r, id, ct));
        app.MapPost("v3/topics/{id}/detachUsers", (HttpRequest r, string id, V3TopicEndpoints h, CancellationToken ct) => h.DetachUsersAsync(r, id, ct));
        app.MapPut("v3/topics/{id}/users/{identifier}",
            (HttpRequest r, string id, string identifier, V3TopicEndpoints h, CancellationToken ct) => h.SetUserChannelsAsync(r, id, identifier, ct));
        app.MapGet("v3/topics/subscriptions/{identifier}",
            (HttpRequest r, string identifier, V3TopicEndpoints h, CancellationToken ct) => h.ListSubscriptionsAsync(r, identifier, ct));
    }

    public static void MapV4Workflows(this IEndpointRouteBuilder app) =>
        app.MapPatch("v4/workflows/{identifier}", (HttpRequest r, string identifier, V4WorkflowEndpoints h, CancellationToken ct) => h.CancelAsync(r, identifier, ct));
}
