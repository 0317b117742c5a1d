using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Notify.Core.Admin;

namespace Notify.Functions;

/// <summary>The operator API (Notify.Core.Admin.AdminRoutes); the core checks the admin key, so the level stays anonymous.</summary>
public sealed class AdminFunctions(AdminEndpoints admin)
{
    [Function(nameof(AdminCreateApp))]
    public Task<IResult> AdminCreateApp([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/apps")] HttpRequest req, CancellationToken ct) =>
        admin.CreateAppAsync(req, ct);

    [Function(nameof(AdminGetApp))]
    public Task<IResult> AdminGetApp([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/apps/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        admin.GetAppAsync(req, id, ct);

    [Function(nameof(AdminUpdateApp))]
    public Task<IResult> AdminUpdateApp([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "admin/apps/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        admin.UpdateAppAsync(req, id, ct);

    [Function(nameof(AdminRotateSecret))]
    public Task<IResult> AdminRotateSecret([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/apps/{id}/rotate-secret")] HttpRequest req, string id, CancellationToken ct) =>
        admin.RotateSecretAsync(req, id, ct);
}
