using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Notify.Core.V3;

namespace Notify.Functions;

/// <summary>Template management and delivery records (Notify.Core.V3.V3TemplateRoutes).</summary>
public sealed class V3TemplateFunctions(V3TemplateEndpoints templates, V3DeliveryEndpoints deliveries)
{
    [Function(nameof(V3CreateTemplate))]
    public Task<IResult> V3CreateTemplate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v3/templates")] HttpRequest req, CancellationToken ct) =>
        templates.CreateAsync(req, ct);

    [Function(nameof(V3ListTemplates))]
    public Task<IResult> V3ListTemplates([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/templates")] HttpRequest req, CancellationToken ct) =>
        templates.ListAsync(req, ct);

    [Function(nameof(V3GetTemplate))]
    public Task<IResult> V3GetTemplate([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/templates/{identifier}")] HttpRequest req, string identifier, CancellationToken ct) =>
        templates.GetAsync(req, identifier, ct);

    [Function(nameof(V3ReplaceTemplate))]
    public Task<IResult> V3ReplaceTemplate([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v3/templates/{identifier}")] HttpRequest req, string identifier, CancellationToken ct) =>
        templates.ReplaceAsync(req, identifier, ct);

    [Function(nameof(V3DeleteTemplate))]
    public Task<IResult> V3DeleteTemplate([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v3/templates/{identifier}")] HttpRequest req, string identifier, CancellationToken ct) =>
        templates.DeleteAsync(req, identifier, ct);

    [Function(nameof(V3ListDeliveries))]
    public Task<IResult> V3ListDeliveries([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v3/requests/{requestId}/deliveries")] HttpRequest req, string requestId, CancellationToken ct) =>
        deliveries.ListAsync(req, requestId, ct);
}
