using Microsoft.AspNetCore.Http;
using Notify.Core.DeadLetters;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Operator;

/// <summary>The operator face's route table: apps and their keys, each app's feeds, and the dead-letter queues.</summary>
public static class OperatorFace
{
    public static readonly ApiFace Face = new("Operator", ["operator"],
    [
        ApiRoute.Post("operator/apps", (HttpRequest r, OperatorEndpoints h, CancellationToken ct) => h.CreateAppAsync(r, ct)).Accepts<CreateAppRequest>().Summarized("Create an app"),
        ApiRoute.Get("operator/apps/{id}", (HttpRequest r, string id, OperatorEndpoints h, CancellationToken ct) => h.GetAppAsync(r, id, ct)).Summarized("Read an app, its keys and settings"),
        ApiRoute.Patch("operator/apps/{id}", (HttpRequest r, string id, OperatorEndpoints h, CancellationToken ct) => h.UpdateAppAsync(r, id, ct)).Accepts<UpdateAppRequest>().Summarized("Change an app's settings"),
        ApiRoute.Post("operator/apps/{id}/rotate-secret", (HttpRequest r, string id, OperatorEndpoints h, CancellationToken ct) => h.RotateSecretAsync(r, id, ct)).Summarized("Replace an app's API secret"),
        ApiRoute.Post("operator/apps/{appId}/feeds", (HttpRequest r, string appId, FeedOperatorEndpoints h, CancellationToken ct) => h.CreateAsync(r, appId, ct)).Accepts<FeedRequest>().Summarized("Create a feed (channel)"),
        ApiRoute.Get("operator/apps/{appId}/feeds", (HttpRequest r, string appId, FeedOperatorEndpoints h, CancellationToken ct) => h.ListAsync(r, appId, ct)).Summarized("List an app's feeds"),
        ApiRoute.Get("operator/apps/{appId}/feeds/{feedId}", (HttpRequest r, string appId, string feedId, FeedOperatorEndpoints h, CancellationToken ct) => h.GetAsync(r, appId, feedId, ct)).Summarized("Read a feed"),
        ApiRoute.Patch("operator/apps/{appId}/feeds/{feedId}", (HttpRequest r, string appId, string feedId, FeedOperatorEndpoints h, CancellationToken ct) => h.UpdateAsync(r, appId, feedId, ct)).Accepts<FeedRequest>().Summarized("Change a feed's name or callback URL"),
        ApiRoute.Delete("operator/apps/{appId}/feeds/{feedId}", (HttpRequest r, string appId, string feedId, FeedOperatorEndpoints h, CancellationToken ct) => h.DeleteAsync(r, appId, feedId, ct)).Summarized("Delete a feed"),
        ApiRoute.Post("operator/apps/{appId}/feeds/{feedId}/rotate-key", (HttpRequest r, string appId, string feedId, FeedOperatorEndpoints h, CancellationToken ct) => h.RotateKeyAsync(r, appId, feedId, ct)).Summarized("Replace a feed's API key"),
        ApiRoute.Post("operator/apps/{appId}/feeds/{feedId}/rotate-callback-secrets", (HttpRequest r, string appId, string feedId, FeedOperatorEndpoints h, CancellationToken ct) => h.RotateCallbackSecretsAsync(r, appId, feedId, ct)).Summarized("Replace a feed's callback credentials"),
        ApiRoute.Get("operator/dead-letters", (HttpRequest r, DeadLetterEndpoints h, CancellationToken ct) => h.ListQueuesAsync(r, ct)).Summarized("List the dead-letter queues and their counts"),
        ApiRoute.Get("operator/dead-letters/{queue}", (HttpRequest r, string queue, DeadLetterEndpoints h, CancellationToken ct) => h.ListAsync(r, queue, ct)).Summarized("A page of a dead-letter queue's messages")
            .Query("limit", $"Messages a page (default {DeadLetterStore.MaxPage})", 1, DeadLetterStore.MaxPage)
            .Query("holdSeconds", $"How long the listed messages stay hidden, so their tickets stay good (default {DeadLetterEndpoints.DefaultHoldSeconds})", 1, DeadLetterEndpoints.MaxHoldSeconds),
        ApiRoute.Post("operator/dead-letters/{queue}/replay", (HttpRequest r, string queue, DeadLetterEndpoints h, CancellationToken ct) => h.ReplayAllAsync(r, queue, ct)).Summarized("Replay every message of a dead-letter queue"),
        ApiRoute.Post("operator/dead-letters/{queue}/discard", (HttpRequest r, string queue, DeadLetterEndpoints h, CancellationToken ct) => h.DiscardAllAsync(r, queue, ct)).Summarized("Discard every message of a dead-letter queue"),
        ApiRoute.Post("operator/dead-letters/{queue}/{messageId}/replay", (HttpRequest r, string queue, string messageId, DeadLetterEndpoints h, CancellationToken ct) => h.ReplayAsync(r, queue, messageId, ct)).Accepts<DeadLetterTicketRequest>().Summarized("Replay one dead-letter message"),
        ApiRoute.Post("operator/dead-letters/{queue}/{messageId}/discard", (HttpRequest r, string queue, string messageId, DeadLetterEndpoints h, CancellationToken ct) => h.DiscardAsync(r, queue, messageId, ct)).Accepts<DeadLetterTicketRequest>().Summarized("Discard one dead-letter message"),
    ])
    {
        Description = new("operator", "Notify operator API",
            "Apps, their keys and channel settings, each app's feeds, and the dead-letter queues. Off (404 without a body) until Notify:OperatorKey is set.",
            [ApiSecurity.InHeader("operatorKey", OperatorCall.KeyHeader, "The operator key (setting Notify:OperatorKey).")],
            [ApiErrors.All(typeof(OperatorErrorBody), 400, 401, 404, 409, 413)])
        {
            Requirements = [["operatorKey"]],
        },
    };
}
