using Microsoft.AspNetCore.Http;
using Notify.Core.Faces.Kit;

namespace Notify.Core.Faces.Status;

/// <summary>The notification status API's route table (seed 003).</summary>
public static class StatusFace
{
    public static readonly ApiFace Face = new("Status", ["v1"],
    [
        ApiRoute.Post("v1/notifications", (HttpRequest r, StatusEndpoints h, CancellationToken ct) => h.CreateAsync(r, ct)).Accepts<StatusCreateRequest>().Summarized("Create a notification request"),
        ApiRoute.Get("v1/notifications", (HttpRequest r, StatusEndpoints h, CancellationToken ct) => h.ListAsync(r, ct)).Summarized("List the app's notification requests")
            .Query("page", "The page, from 1", 1, int.MaxValue / 100).Query("limit", "Requests a page (default 20)", 1, 100),
        ApiRoute.Get("v1/notifications/{id}", (HttpRequest r, string id, StatusEndpoints h, CancellationToken ct) => h.GetAsync(r, id, ct)).Summarized("Read a request and a page of what its receivers did")
            .Query("page", "The page of receivers, from 1", 1, int.MaxValue / 100).Query("limit", "Receivers a page (default 20)", 1, 100),
        ApiRoute.Post("v1/notifications/{id}/cancel", (HttpRequest r, string id, StatusEndpoints h, CancellationToken ct) => h.CancelAsync(r, id, ct)).Summarized("Cancel a request not yet delivered to everyone"),
        ApiRoute.Delete("v1/notifications/{id}", (HttpRequest r, string id, StatusEndpoints h, CancellationToken ct) => h.DeleteAsync(r, id, ct)).Summarized("Delete a request"),
    ])
    {
        Description = new("status", "Notify notification status API",
            "Notification requests with actions (buttons, radio and checkbox options) and what each receiver did with theirs: " +
            "opened, responded, deleted. Called by the app's backend with its API secret as a bearer token, or its key and secret in headers.",
            [
                ApiSecurity.Bearer("apiSecret", "The app's API secret."),
                ApiSecurity.InHeader("apiKey", StatusAuth.ApiKeyHeader, "The app's API key, with its secret in X-Api-Secret."),
                ApiSecurity.InHeader("apiKeySecret", StatusAuth.ApiSecretHeader, "The app's API secret, with its key in X-Api-Key."),
            ],
            [ApiErrors.All(typeof(StatusErrorBody), 400, 401, 404, 409, 413)])
        {
            Requirements = [["apiSecret"], ["apiKey", "apiKeySecret"]],
        },
    };
}
