using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notify.Core.Deliveries;
using Notify.Core.Messages;
using Notify.Core.Sends;
using static Notify.Core.Faces.V3.V3Results;

namespace Notify.Core.Faces.V3;

/// <summary>A send's status and its deliveries per user and channel, for the backend that sent it.</summary>
public sealed class V3DeliveryEndpoints(V3Call call, V3Authenticator auth, SendStore sends, DeliveryStore deliveries)
{
    public Task<Results<Ok<V3SendDeliveries>, V3Error>> ListAsync(HttpRequest request, string requestId, CancellationToken ct) =>
        call.RunAsync<Apps.App, Ok<V3SendDeliveries>>(request, auth.BackendAsync, async app =>
        {
            // Batch API messages are sends too, under their own ids (m.<message id>).
            if (!Guid.TryParse(requestId, out _) && !requestId.StartsWith(MessageService.SendIdPrefix, StringComparison.Ordinal))
                return NotFound("Request not found");
            var send = await sends.GetAsync(app.Id, requestId, ct);
            if (send is null) return NotFound("Request not found");
            var rows = await deliveries.ListAsync(send.AppId, send.SendId, ct);
            return TypedResults.Ok(new V3SendDeliveries(send.SendId, send.Status, send.CreatedAt, send.RecipientCount,
                rows.Select(r => new V3Delivery(r.UserId, r.Channel, r.Status, r.Attempts, r.ProviderMessageId, r.LastError, r.UpdatedAt)).ToList()));
        }, ct);
}

public sealed record V3SendDeliveries(string RequestId, string Status, DateTimeOffset CreatedAt, int RecipientCount, IReadOnlyList<V3Delivery> Deliveries);

public sealed record V3Delivery(
    string Recipient, string Channel, string Status, int Attempts, string? ProviderMessageId, string? LastError, DateTimeOffset UpdatedAt);
