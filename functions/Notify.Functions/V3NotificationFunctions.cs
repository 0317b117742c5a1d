using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Notify.Core.V3;

namespace Notify.Functions;

/// <summary>v3 send and inbox routes (Notify.Core.V3.V3NotificationRoutes).</summary>
public sealed class V3NotificationFunctions(V3SendEndpoints send, V3InboxEndpoints inbox)
{
    [Function(nameof(V3Send))]
    public Task<IResult> V3Send([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/notifications")] HttpRequest req, CancellationToken ct) =>
        send.SendAsync(req, ct);

    [Function(nameof(V3ListInbox))]
    public Task<IResult> V3ListInbox([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/notifications")] HttpRequest req, CancellationToken ct) =>
        inbox.ListAsync(req, ct);

    [Function(nameof(V3MarkAllSeen))]
    public Task<IResult> V3MarkAllSeen([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/notifications/markAllNotificationsAsSeen")] HttpRequest req, CancellationToken ct) =>
        inbox.MarkAllSeenAsync(req, ct);

    [Function(nameof(V3GetNotification))]
    public Task<IResult> V3GetNotification([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/notifications/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        inbox.GetAsync(req, id, ct);

    [Function(nameof(V3DeleteNotification))]
    public Task<IResult> V3DeleteNotification([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v3/notifications/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        inbox.DeleteAsync(req, id, ct);

    [Function(nameof(V3Click))]
    public Task<IResult> V3Click([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/notifications/{id}/click")] HttpRequest req, string id, CancellationToken ct) =>
        inbox.ClickAsync(req, id, ct);

    [Function(nameof(V3PatchClick))]
    public Task<IResult> V3PatchClick([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "v3/notifications/{id}/click")] HttpRequest req, string id, CancellationToken ct) =>
        inbox.PatchClickAsync(req, id, ct);

    [Function(nameof(V3MarkUnread))]
    public Task<IResult> V3MarkUnread([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v3/notifications/{id}/reads")] HttpRequest req, string id, CancellationToken ct) =>
        inbox.MarkUnreadAsync(req, id, ct);

    [Function(nameof(V3MarkUnseen))]
    public Task<IResult> V3MarkUnseen([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v3/notifications/{id}/views")] HttpRequest req, string id, CancellationToken ct) =>
        inbox.MarkUnseenAsync(req, id, ct);
}
