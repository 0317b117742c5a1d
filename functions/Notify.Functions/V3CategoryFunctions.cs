using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Notify.Core.V3;

namespace Notify.Functions;

/// <summary>v3 category routes at both path forms (Notify.Core.V3.V3CategoryRoutes).</summary>
public sealed class V3CategoryFunctions(V3CategoryEndpoints categories)
{
    [Function(nameof(V3ListCategories))]
    public Task<IResult> V3ListCategories([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/categories")] HttpRequest req, CancellationToken ct) =>
        categories.ListAsync(req, ct);

    [Function(nameof(V3CreateCategory))]
    public Task<IResult> V3CreateCategory([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/categories")] HttpRequest req, CancellationToken ct) =>
        categories.CreateAsync(req, ct);

    [Function(nameof(V3CreateNotificationCategory))]
    public Task<IResult> V3CreateNotificationCategory([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/notifications/categories")] HttpRequest req, CancellationToken ct) =>
        categories.CreateAsync(req, ct);

    [Function(nameof(V3DeleteCategory))]
    public Task<IResult> V3DeleteCategory([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v3/categories/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        categories.DeleteAsync(req, id, ct);

    [Function(nameof(V3DeleteNotificationCategory))]
    public Task<IResult> V3DeleteNotificationCategory([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v3/notifications/categories/{id}")] HttpRequest req, string id, CancellationToken ct) =>
        categories.DeleteAsync(req, id, ct);
}
