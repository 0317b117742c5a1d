using Microsoft.AspNetCore.Http;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Operator;

/// <summary>The operator face's route table: apps and their keys, each app's feeds, and the dead-letter queues.</summary>
public static class OperatorFace
{
    public static readonly ApiFace Face = new("Operator", ["operator"],
    [
        ApiRoute.Post("operator/apps", (HttpRequest r, OperatorEndpoints h, CancellationToken ct) => h.CreateAppAsync(r, ct)),
        ApiRoute.Get("operator/apps/{id}", (HttpRequest r, string id, OperatorEndpoints h, CancellationToken ct) => h.GetAppAsync(r, id, ct)),
        ApiRoute.Patch("operator/apps/{id}", (HttpRequest r, string id, OperatorEndpoints h, CancellationToken ct) => h.UpdateAppAsync(r, id, ct)),
        ApiRoute.Post("operator/apps/{id}/rotate-secret", (HttpRequest r, string id, OperatorEndpoints h, CancellationToken ct) => h.RotateSecretAsync(r, id, ct)),
        ApiRoute.Post("operator/apps/{appId}/feeds", (HttpRequest r, string appId, FeedOperatorEndpoints h, CancellationToken ct) => h.CreateAsync(r, appId, ct)),
        ApiRoute.Get("operator/apps/{appId}/feeds", (HttpRequest r, string appId, FeedOperatorEndpoints h, CancellationToken ct) => h.ListAsync(r, appId, ct)),
        ApiRoute.Get("operator/apps/{appId}/feeds/{feedId}", (HttpRequest r, string appId, string feedId, FeedOperatorEndpoints h, CancellationToken ct) => h.GetAsync(r, appId, feedId, ct)),
        ApiRoute.Patch("operator/apps/{appId}/feeds/{feedId}", (HttpRequest r, string appId, string feedId, FeedOperatorEndpoints h, CancellationToken ct) => h.UpdateAsync(r, appId, feedId, ct)),
        ApiRoute.Delete("operator/apps/{appId}/feeds/{feedId}", (HttpRequest r, string appId, string feedId, FeedOperatorEndpoints h, CancellationToken ct) => h.DeleteAsync(r, appId, feedId, ct)),
        ApiRoute.Post("operator/apps/{appId}/feeds/{feedId}/rotate-key", (HttpRequest r, string appId, string feedId, FeedOperatorEndpoints h, CancellationToken ct) => h.RotateKeyAsync(r, appId, feedId, ct)),
        ApiRoute.Post("operator/apps/{appId}/feeds/{feedId}/rotate-callback-secrets", (HttpRequest r, string appId, string feedId, FeedOperatorEndpoints h, CancellationToken ct) => h.RotateCallbackSecretsAsync(r, appId, feedId, ct)),
        ApiRoute.Get("operator/dead-letters", (HttpRequest r, DeadLetterEndpoints h, CancellationToken ct) => h.ListQueuesAsync(r, ct)),
        ApiRoute.Get("operator/dead-letters/{queue}", (HttpRequest r, string queue, DeadLetterEndpoints h, CancellationToken ct) => h.ListAsync(r, queue, ct)),
        ApiRoute.Post("operator/dead-letters/{queue}/replay", (HttpRequest r, string queue, DeadLetterEndpoints h, CancellationToken ct) => h.ReplayAllAsync(r, queue, ct)),
        ApiRoute.Post("operator/dead-letters/{queue}/discard", (HttpRequest r, string queue, DeadLetterEndpoints h, CancellationToken ct) => h.DiscardAllAsync(r, queue, ct)),
        ApiRoute.Post("operator/dead-letters/{queue}/{messageId}/replay", (HttpRequest r, string queue, string messageId, DeadLetterEndpoints h, CancellationToken ct) => h.ReplayAsync(r, queue, messageId, ct)),
        ApiRoute.Post("operator/dead-letters/{queue}/{messageId}/discard", (HttpRequest r, string queue, string messageId, DeadLetterEndpoints h, CancellationToken ct) => h.DiscardAsync(r, queue, messageId, ct)),
    ]);
}
