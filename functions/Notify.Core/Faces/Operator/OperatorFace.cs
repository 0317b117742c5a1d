using Microsoft.AspNetCore.Http;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Operator;

/// <summary>The operator face's route table: apps and their keys.</summary>
public static class OperatorFace
{
    public static readonly ApiFace Face = new("Operator", ["operator"],
    [
        ApiRoute.Post("operator/apps", (HttpRequest r, OperatorEndpoints h, CancellationToken ct) => h.CreateAppAsync(r, ct)),
        ApiRoute.Get("operator/apps/{id}", (HttpRequest r, string id, OperatorEndpoints h, CancellationToken ct) => h.GetAppAsync(r, id, ct)),
        ApiRoute.Patch("operator/apps/{id}", (HttpRequest r, string id, OperatorEndpoints h, CancellationToken ct) => h.UpdateAppAsync(r, id, ct)),
        ApiRoute.Post("operator/apps/{id}/rotate-secret", (HttpRequest r, string id, OperatorEndpoints h, CancellationToken ct) => h.RotateSecretAsync(r, id, ct)),
    ]);
}
