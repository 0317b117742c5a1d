using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Notify.Core.V3;

/// <summary>v3 send and inbox routes.</summary>
public static class V3NotificationRoutes
{
    public static void MapV3Notifications(this IEndpointRouteBuilder app)
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
}
