using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Notify.Core.Admin;
using Notify.Core.V3;

namespace Notify.Core.Hosting;

/// <summary>
/// Every HTTP endpoint of every API face, for hosts that route themselves. The Functions app declares
/// one function per route here; a test holds the two in step.
/// </summary>
public static class NotifyEndpoints
{
    public static IEndpointRouteBuilder MapNotifyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAdmin();
        app.MapV3Notifications();
        app.MapV3Users();
        return app;
    }

    private static void MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapPost("admin/apps", (HttpRequest r, AdminEndpoints h, CancellationToken ct) => h.CreateAppAsync(r, ct));
        app.MapGet("admin/apps/{id}", (HttpRequest r, string id, AdminEndpoints h, CancellationToken ct) => h.GetAppAsync(r, id, ct));
        app.MapPatch("admin/apps/{id}", (HttpRequest r, string id, AdminEndpoints h, CancellationToken ct) => h.UpdateAppAsync(r, id, ct));
        app.MapPost("admin/apps/{id}/rotate-secret", (HttpRequest r, string id, AdminEndpoints h, CancellationToken ct) => h.RotateSecretAsync(r, id, ct));
    }

    private static void MapV3Notifications(this IEndpointRouteBuilder app)
    {
        app.MapPost("v3/notifications", (HttpRequest r, V3SendEndpoints h, CancellationToken ct) => h.SendAsync(r, ct));
        app.MapGet("v3/notifications", (HttpRequest r, V3InboxEndpoints h, CancellationToken ct) => h.ListAsync(r, ct));
        app.MapPost("v3/notifications/markAllNotificationsAsSeen", (HttpRequest r, V3InboxEndpoints h, CancellationToken ct) => h.MarkAllSeenAsync(r, ct));
        app.MapGet("v3/notifications/{id}", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.GetAsync(r, id, ct));
        app.MapDelete("v3/notifications/{id}", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.DeleteAsync(r, id, ct));
        app.MapPost("v3/notifications/{id}/click", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.ClickAsync(r, id, ct));
        app.MapPatch("v3/notifications/{id}/click", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.PatchClickAsync(r, id, ct));
        app.MapDelete("v3/notifications/{id}/reads", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.MarkUnreadAsync(r, id, ct));
        app.MapDelete("v3/notifications/{id}/views", (HttpRequest r, string id, V3InboxEndpoints h, CancellationToken ct) => h.MarkUnseenAsync(r, id, ct));
    }

    private static void MapV3Users(this IEndpointRouteBuilder app)
    {
        app.MapPost("v3/users", (HttpRequest r, V3UserEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct));
        app.MapPut("v3/users/{identifier}", (HttpRequest r, string identifier, V3UserEndpoints h, CancellationToken ct) => h.PutAsync(r, identifier, ct));
        app.MapDelete("v3/users/{identifier}", (HttpRequest r, string identifier, V3UserEndpoints h, CancellationToken ct) => h.DeleteAsync(r, identifier, ct));
    }
}
